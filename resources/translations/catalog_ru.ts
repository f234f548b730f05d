<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <source>A desktop catalogue for archival documents: partial and uncertain dates, name authorities and full-text search.</source>
        <translation>Настольный каталог архивных документов: неполные и неточные даты, нормативные записи имён и полнотекстовый поиск.</translation>
    </message>
    <message>
        <source>Licensed under the GNU GPL, version 3 or later.</source>
        <translation>Распространяется на условиях GNU GPL версии 3 или более поздней.</translation>
    </message>
    <message>
        <source>asking the database…</source>
        <translation>запрос к базе данных…</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>This catalogue</source>
        <translation>Этот каталог</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Схема</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Порядок сортировки</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Платформа</translation>
    </message>
    <message>
        <source>About Catalog</source>
        <translation>О программе Catalog</translation>
    </message>
    <message>
        <source>The versions of Catalog, of this catalogue and of every library it uses</source>
        <translation>Версии Catalog, этого каталога и всех используемых библиотек</translation>
    </message>
    <message>
        <source>Catalog&apos;s version</source>
        <translation>Версия Catalog</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Закрыть это окно</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy these versions to the clipboard, for a bug report</source>
        <translation>Скопировать эти версии в буфер обмена для сообщения об ошибке</translation>
    </message>
    <message>
        <source>What Catalog is</source>
        <translation>Что такое Catalog</translation>
    </message>
    <message>
        <source>Catalog&apos;s licence</source>
        <translation>Лицензия Catalog</translation>
    </message>
    <message>
        <source>{0}; this Catalog knows up to {1}</source>
        <translation>{0}; эта версия Catalog знает ревизии до {1} включительно</translation>
    </message>
    <message>
        <source>asking the database for its version</source>
        <translation>запрос версии у базы данных</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Import records from a file (CSV, XLSX, JSON, RIS, BibTeX, Dublin Core, EAD or a listing)</source>
        <translation>Импортировать записи из файла (CSV, XLSX, JSON, RIS, BibTeX, Dublin Core, EAD или опись)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Export the selected records, the search results or the whole catalogue</source>
        <translation>Экспортировать выбранные записи, результаты поиска или весь каталог</translation>
    </message>
    <message>
        <source>Export &amp;selected records…</source>
        <translation>Экспорт &amp;выбранных записей…</translation>
    </message>
    <message>
        <source>Export the selected records to a file</source>
        <translation>Экспортировать выбранные записи в файл</translation>
    </message>
    <message>
        <source>Connect to a &amp;team catalogue…</source>
        <translation>&amp;Подключиться к общему каталогу…</translation>
    </message>
    <message>
        <source>Open a catalogue shared on a PostgreSQL server</source>
        <translation>Открыть общий каталог на сервере PostgreSQL</translation>
    </message>
    <message>
        <source>Load &amp;sample records</source>
        <translation>Загрузить &amp;образцы записей</translation>
    </message>
    <message>
        <source>Add the 15 sample records that ship with Catalog</source>
        <translation>Добавить 15 образцов записей, поставляемых с Catalog</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Close Catalog</source>
        <translation>Закрыть Catalog</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Поиск</translation>
    </message>
    <message>
        <source>Type a query in the search box</source>
        <translation>Ввести запрос в поле поиска</translation>
    </message>
    <message>
        <source>&amp;Clear search</source>
        <translation>&amp;Сбросить поиск</translation>
    </message>
    <message>
        <source>Show every record again</source>
        <translation>Снова показать все записи</translation>
    </message>
    <message>
        <source>&amp;Filter sidebar</source>
        <translation>Панель &amp;фильтров</translation>
    </message>
    <message>
        <source>Show or hide the search box and facets</source>
        <translation>Показать или скрыть поле поиска и фасеты</translation>
    </message>
    <message>
        <source>&amp;Detail pane</source>
        <translation>Панель с&amp;ведений</translation>
    </message>
    <message>
        <source>Show or hide the selected record&apos;s details</source>
        <translation>Показать или скрыть сведения о выбранной записи</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Шкала времени</translation>
    </message>
    <message>
        <source>Show or hide the histogram of the results by year</source>
        <translation>Показать или скрыть гистограмму результатов по годам</translation>
    </message>
    <message>
        <source>Ne&amp;xt pane</source>
        <translation>Следу&amp;ющая панель</translation>
    </message>
    <message>
        <source>Move to the next pane: sidebar, timeline, list, details</source>
        <translation>Перейти к следующей панели: боковая панель, шкала времени, список, сведения</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>Пре&amp;дыдущая панель</translation>
    </message>
    <message>
        <source>Move to the previous pane</source>
        <translation>Перейти к предыдущей панели</translation>
    </message>
    <message>
        <source>Sa&amp;ve search…</source>
        <translation>Со&amp;хранить поиск…</translation>
    </message>
    <message>
        <source>Save the current search under a name</source>
        <translation>Сохранить текущий поиск под именем</translation>
    </message>
    <message>
        <source>&amp;Next record</source>
        <translation>&amp;Следующая запись</translation>
    </message>
    <message>
        <source>Select the next record of the list</source>
        <translation>Выбрать следующую запись списка</translation>
    </message>
    <message>
        <source>&amp;Previous record</source>
        <translation>&amp;Предыдущая запись</translation>
    </message>
    <message>
        <source>Select the previous record of the list</source>
        <translation>Выбрать предыдущую запись списка</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>Show the record seen before</source>
        <translation>Показать запись, просмотренную ранее</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Вперёд</translation>
    </message>
    <message>
        <source>Show the record seen after</source>
        <translation>Показать запись, просмотренную позже</translation>
    </message>
    <message>
        <source>&amp;Go to record…</source>
        <translation>Перейти к &amp;записи…</translation>
    </message>
    <message>
        <source>Open a record by its id</source>
        <translation>Открыть запись по её идентификатору</translation>
    </message>
    <message>
        <source>Copy &amp;citation</source>
        <translation>&amp;Копировать ссылку</translation>
    </message>
    <message>
        <source>Copy citations of the selected records (or the shown one) in the archive&apos;s style</source>
        <translation>Копировать ссылки на выбранные записи (или на показанную) в стиле архива</translation>
    </message>
    <message>
        <source>&amp;Query language cheat sheet</source>
        <translation>&amp;Шпаргалка по языку запросов</translation>
    </message>
    <message>
        <source>Examples of what the search box understands</source>
        <translation>Примеры того, что понимает поле поиска</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every shortcut of the window</source>
        <translation>Все сочетания клавиш окна</translation>
    </message>
    <message>
        <source>&amp;About Catalog</source>
        <translation>&amp;О программе Catalog</translation>
    </message>
    <message>
        <source>Versions, this catalogue and its schema</source>
        <translation>Версии, этот каталог и его схема</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>How to use Catalog, with pictures</source>
        <translation>Как работать с Catalog, с иллюстрациями</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Н&amp;астройки…</translation>
    </message>
    <message>
        <source>Your name, export defaults, dates, language, backups and theme</source>
        <translation>Ваше имя, параметры экспорта по умолчанию, даты, язык, резервные копии и тема</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Отменить последнее изменение</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Apply the undone change again</source>
        <translation>Снова применить отменённое изменение</translation>
    </message>
    <message>
        <source>&amp;New record…</source>
        <translation>&amp;Новая запись…</translation>
    </message>
    <message>
        <source>Describe a new record</source>
        <translation>Описать новую запись</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>&amp;Изменить запись…</translation>
    </message>
    <message>
        <source>Edit every field of the selected record</source>
        <translation>Изменить любое поле выбранной записи</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Move the selected records to the trash</source>
        <translation>Переместить выбранные записи в корзину</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Корзина…</translation>
    </message>
    <message>
        <source>Restore deleted records or empty the trash</source>
        <translation>Восстановить удалённые записи или очистить корзину</translation>
    </message>
    <message>
        <source>Name &amp;authorities…</source>
        <translation>Нор&amp;мативные записи имён…</translation>
    </message>
    <message>
        <source>Rename, merge and split people, places, subjects and archives</source>
        <translation>Переименовать, объединить и разделить людей, места, темы и архивы</translation>
    </message>
    <message>
        <source>&amp;Bulk edit selection…</source>
        <translation>&amp;Групповое изменение выбранного…</translation>
    </message>
    <message>
        <source>Change a field of every selected record at once</source>
        <translation>Изменить поле сразу во всех выбранных записях</translation>
    </message>
    <message>
        <source>Suggest &amp;names…</source>
        <translation>Пред&amp;ложить имена…</translation>
    </message>
    <message>
        <source>Link the known names found in the selected records&apos; titles and summaries</source>
        <translation>Связать известные имена, найденные в заголовках и аннотациях выбранных записей</translation>
    </message>
    <message>
        <source>Copy citation (Chicago &amp;note)</source>
        <translation>Копировать ссылку (Chicago, при&amp;мечание)</translation>
    </message>
    <message>
        <source>Copy Chicago-style notes of the selected records</source>
        <translation>Копировать примечания в стиле Chicago для выбранных записей</translation>
    </message>
    <message>
        <source>Copy citation (Chicago &amp;bibliography)</source>
        <translation>Копировать ссылку (Chicago, &amp;библиография)</translation>
    </message>
    <message>
        <source>Copy Chicago-style bibliography entries of the selected records</source>
        <translation>Копировать библиографические записи в стиле Chicago для выбранных записей</translation>
    </message>
    <message>
        <source>Your na&amp;me…</source>
        <translation>&amp;Ваше имя…</translation>
    </message>
    <message>
        <source>The name that signs your notes and your changes in the change log</source>
        <translation>Имя, которым подписаны ваши заметки и изменения в журнале изменений</translation>
    </message>
    <message>
        <source>&amp;Check catalogue…</source>
        <translation>&amp;Проверить каталог…</translation>
    </message>
    <message>
        <source>Look for damage (file, links, attached files, search index) and repair it</source>
        <translation>Найти и исправить повреждения (файл, связи, вложения, поисковый индекс)</translation>
    </message>
    <message>
        <source>&amp;Sort order…</source>
        <translation>&amp;Порядок сортировки…</translation>
    </message>
    <message>
        <source>The language whose order titles and names sort in</source>
        <translation>Язык, в порядке которого сортируются заглавия и имена</translation>
    </message>
</context>
<context>
    <name>AllValuesDialog</name>
    <message>
        <source>All values: {0}</source>
        <translation>Все значения: {0}</translation>
    </message>
    <message>
        <source>All values of {0}</source>
        <translation>Все значения фасета «{0}»</translation>
    </message>
    <message>
        <source>Filter values…</source>
        <translation>Фильтр значений…</translation>
    </message>
    <message>
        <source>Filter {0} values</source>
        <translation>Фильтр значений фасета «{0}»</translation>
    </message>
    <message>
        <source>Lists only the values containing this text, ignoring case and accents. Enter includes the highlighted value, Shift+Enter excludes it.</source>
        <translation>Показывает только значения, содержащие этот текст, без учёта регистра и диакритических знаков. Enter включает выделенное значение, Shift+Enter исключает его.</translation>
    </message>
    <message>
        <source>{0} values</source>
        <comment>name of the list</comment>
        <translation>Значения фасета «{0}»</translation>
    </message>
    <message>
        <source>Closes this window without changing the search</source>
        <translation>Закрывает это окно, не меняя поиск</translation>
    </message>
    <message>
        <source>&amp;Include</source>
        <translation>&amp;Включить</translation>
    </message>
    <message>
        <source>Include value</source>
        <translation>Включить значение</translation>
    </message>
    <message>
        <source>Add the value to the search</source>
        <translation>Добавить значение в поиск</translation>
    </message>
    <message>
        <source>&amp;Exclude</source>
        <translation>&amp;Исключить</translation>
    </message>
    <message>
        <source>Exclude value</source>
        <translation>Исключить значение</translation>
    </message>
    <message>
        <source>Leave out the records with the value</source>
        <translation>Исключить записи с этим значением</translation>
    </message>
    <message numerus="yes">
        <source>{0} values</source>
        <translation>
            <numerusform>{0} значение</numerusform>
            <numerusform>{0} значения</numerusform>
            <numerusform>{0} значений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of {1} values</source>
        <translation>
            <numerusform>{0} из {1} значения</numerusform>
            <numerusform>{0} из {1} значений</numerusform>
            <numerusform>{0} из {1} значений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchivistName</name>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Your name, as it signs your notes and your changes:</source>
        <translation>Ваше имя, которым подписываются ваши заметки и изменения:</translation>
    </message>
    <message>
        <source>The name that signs your notes and your changes in the change log</source>
        <translation>Имя, которым подписываются ваши заметки и изменения в журнале изменений</translation>
    </message>
    <message>
        <source>Keep this name</source>
        <translation>Сохранить это имя</translation>
    </message>
    <message>
        <source>Keep the name you had</source>
        <translation>Оставить прежнее имя</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>scan</source>
        <translation>скан</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>перевод</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>транскрипция</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Вложить файл</translation>
    </message>
    <message>
        <source>Role of the file</source>
        <translation>Роль файла</translation>
    </message>
    <message>
        <source>What the next file added is: a scan, a translation, a transcript or other</source>
        <translation>Чем является следующий добавляемый файл: скан, перевод, транскрипция или другое</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Language of the file</source>
        <translation>Язык файла</translation>
    </message>
    <message>
        <source>The language of the next file added, if it has one</source>
        <translation>Язык следующего добавляемого файла, если он есть</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Добавить файл…</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Добавить файл</translation>
    </message>
    <message>
        <source>Choose a file; a copy is kept in the catalogue&apos;s folder</source>
        <translation>Выберите файл; его копия хранится в папке каталога</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected file</source>
        <translation>Удалить выбранный файл</translation>
    </message>
    <message>
        <source>Detach the files selected in the list from the record</source>
        <translation>Открепить выбранные в списке файлы от записи</translation>
    </message>
    <message>
        <source>Attachment message</source>
        <translation>Сообщение о вложении</translation>
    </message>
    <message>
        <source>Files attached</source>
        <translation>Вложенные файлы</translation>
    </message>
    <message>
        <source>The files attached to the record</source>
        <translation>Файлы, вложенные в запись</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
</context>
<context>
    <name>AuthoritiesDialog</name>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>Name authorities</source>
        <translation>Нормативные записи имён</translation>
    </message>
    <message>
        <source>Kind of name</source>
        <translation>Вид имени</translation>
    </message>
    <message>
        <source>Which kind of name is listed; the arrow keys switch between the kinds</source>
        <translation>Какой вид имён показан; клавиши со стрелками переключают виды</translation>
    </message>
    <message>
        <source>&amp;Persons</source>
        <translation>&amp;Лица</translation>
    </message>
    <message>
        <source>&amp;Organisations</source>
        <translation>&amp;Организации</translation>
    </message>
    <message>
        <source>P&amp;laces</source>
        <translation>&amp;Места</translation>
    </message>
    <message>
        <source>S&amp;ubjects</source>
        <translation>&amp;Темы</translation>
    </message>
    <message>
        <source>Repositor&amp;ies</source>
        <translation>&amp;Архивы</translation>
    </message>
    <message>
        <source>Names of persons</source>
        <translation>Имена лиц</translation>
    </message>
    <message>
        <source>Names of organisations</source>
        <translation>Названия организаций</translation>
    </message>
    <message>
        <source>Names of places</source>
        <translation>Названия мест</translation>
    </message>
    <message>
        <source>Subject headings</source>
        <translation>Предметные рубрики</translation>
    </message>
    <message>
        <source>Archives holding the originals</source>
        <translation>Архивы, хранящие оригиналы</translation>
    </message>
    <message>
        <source>Filter names</source>
        <translation>Фильтр имён</translation>
    </message>
    <message>
        <source>List only the names with a form containing the text typed</source>
        <translation>Показывать только имена, в одной из форм которых есть введённый текст</translation>
    </message>
    <message>
        <source>Filter: any form of the name, in any script</source>
        <translation>Фильтр: любая форма имени, в любой письменности</translation>
    </message>
    <message>
        <source>Names and their record counts</source>
        <translation>Имена и число их записей</translation>
    </message>
    <message>
        <source>Select a name to change it; Enter or a double click edits its variants</source>
        <translation>Выберите имя, чтобы изменить его; Enter или двойной щелчок открывает его варианты</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Создать…</translation>
    </message>
    <message>
        <source>Add a name of the kind listed</source>
        <translation>Добавить имя показанного вида</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <source>Change the authorised form; the old one stays as a variant</source>
        <translation>Изменить нормативную форму; прежняя остаётся вариантом</translation>
    </message>
    <message>
        <source>&amp;Variants…</source>
        <translation>&amp;Варианты…</translation>
    </message>
    <message>
        <source>Edit the other forms of the selected name, in any script</source>
        <translation>Изменить другие формы выбранного имени, в любой письменности</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>О&amp;бъединить с…</translation>
    </message>
    <message>
        <source>Merge the selected name and its records into another name</source>
        <translation>Объединить выбранное имя и его записи с другим именем</translation>
    </message>
    <message>
        <source>&amp;Split…</source>
        <translation>&amp;Разделить…</translation>
    </message>
    <message>
        <source>Move some forms and records of the selected name to a new name</source>
        <translation>Перенести часть форм и записей выбранного имени в новое имя</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete the selected name; only a name no record uses can be deleted</source>
        <translation>Удалить выбранное имя; удалить можно только имя, не используемое ни в одной записи</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the name manager</source>
        <translation>Закрыть диспетчер имён</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Новое имя</translation>
    </message>
    <message>
        <source>Authorised form of the name:</source>
        <translation>Нормативная форма имени:</translation>
    </message>
    <message>
        <source>Could not add the name</source>
        <translation>Не удалось добавить имя</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименование</translation>
    </message>
    <message>
        <source>New authorised form (“{0}” stays as a variant):</source>
        <translation>Новая нормативная форма («{0}» останется вариантом):</translation>
    </message>
    <message>
        <source>Could not rename</source>
        <translation>Не удалось переименовать</translation>
    </message>
    <message>
        <source>Could not change the variants</source>
        <translation>Не удалось изменить варианты</translation>
    </message>
    <message>
        <source>Could not merge</source>
        <translation>Не удалось объединить</translation>
    </message>
    <message>
        <source>Could not split</source>
        <translation>Не удалось разделить</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Не удалось удалить</translation>
    </message>
</context>
<context>
    <name>AuthorityPrompts</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Закрыть, ничего не меняя</translation>
    </message>
</context>
<context>
    <name>AuthorityTableModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Other forms</source>
        <translation>Другие формы</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEdit</name>
    <message>
        <source>Add tag</source>
        <translation>Добавить метку</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Удалить метку</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Добавить лицо</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Удалить лицо</translation>
    </message>
    <message>
        <source>Add organisation</source>
        <translation>Добавить организацию</translation>
    </message>
    <message>
        <source>Remove organisation</source>
        <translation>Удалить организацию</translation>
    </message>
    <message>
        <source>Add place</source>
        <translation>Добавить место</translation>
    </message>
    <message>
        <source>Remove place</source>
        <translation>Удалить место</translation>
    </message>
    <message>
        <source>Add subject</source>
        <translation>Добавить тему</translation>
    </message>
    <message>
        <source>Remove subject</source>
        <translation>Удалить тему</translation>
    </message>
    <message>
        <source>Add to collection</source>
        <translation>Добавить в коллекцию</translation>
    </message>
    <message>
        <source>Remove from collection</source>
        <translation>Удалить из коллекции</translation>
    </message>
    <message>
        <source>Set type</source>
        <translation>Задать тип</translation>
    </message>
    <message>
        <source>Set archive</source>
        <translation>Задать архив</translation>
    </message>
    <message>
        <source>Set language</source>
        <translation>Задать язык</translation>
    </message>
    <message>
        <source>Find and replace</source>
        <translation>Найти и заменить</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Упомянут</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Архивный шифр</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Коллекции</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Bulk edit</source>
        <translation>Групповое изменение</translation>
    </message>
    <message>
        <source>Change every selected record at once.</source>
        <translation>Изменить все выбранные записи сразу.</translation>
    </message>
    <message numerus="yes">
        <source>Change %n selected record(s) at once.</source>
        <translation>
            <numerusform>Изменить %n выбранную запись сразу.</numerusform>
            <numerusform>Изменить %n выбранные записи сразу.</numerusform>
            <numerusform>Изменить %n выбранных записей сразу.</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected records</source>
        <translation>Выбранные записи</translation>
    </message>
    <message>
        <source>What the preview found</source>
        <translation>Что показал предварительный просмотр</translation>
    </message>
    <message>
        <source>Problem with the bulk edit</source>
        <translation>Проблема с групповым изменением</translation>
    </message>
    <message>
        <source>Changes the bulk edit would make</source>
        <translation>Изменения, которые внесёт групповое изменение</translation>
    </message>
    <message>
        <source>One row per field that would change: record, field, before and after</source>
        <translation>По строке на каждое изменяемое поле: запись, поле, до и после</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Просмотр</translation>
    </message>
    <message>
        <source>List every change first.</source>
        <translation>Сначала показать все изменения.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Пр&amp;именить</translation>
    </message>
    <message>
        <source>Write the changes listed.</source>
        <translation>Записать показанные изменения.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Закрыть, ничего не меняя</translation>
    </message>
    <message>
        <source>This catalogue cannot be changed from here.</source>
        <translation>Этот каталог нельзя изменить отсюда.</translation>
    </message>
    <message>
        <source>Previewing the bulk edit</source>
        <translation>Предварительный просмотр группового изменения</translation>
    </message>
    <message>
        <source>{0} of {1} records would change. Apply writes these changes.</source>
        <translation>Будет изменено записей: {0} из {1}. «Применить» запишет эти изменения.</translation>
    </message>
    <message>
        <source>No selected record would change.</source>
        <translation>Ни одна из выбранных записей не изменится.</translation>
    </message>
    <message>
        <source>Applying the bulk edit</source>
        <translation>Применение группового изменения</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Отменено; ничего не изменено.</translation>
    </message>
    <message>
        <source>Some records changed since the preview; nothing was written. Preview again to see the changes as they stand now.</source>
        <translation>Некоторые записи изменились после предварительного просмотра; ничего не записано. Повторите просмотр, чтобы увидеть изменения в их нынешнем виде.</translation>
    </message>
    <message>
        <source>the bulk edit</source>
        <translation>групповое изменение</translation>
    </message>
</context>
<context>
    <name>BulkEditForm</name>
    <message>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>What to change in every record</source>
        <translation>Что изменить в каждой записи</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>The value to apply</source>
        <translation>Значение, которое нужно применить</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>The role in each record of the name added</source>
        <translation>Роль добавляемого имени в каждой записи</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>The field to find and replace text in</source>
        <translation>Поле, в котором нужно найти и заменить текст</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>The text to look for</source>
        <translation>Искомый текст</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Заменить на</translation>
    </message>
    <message>
        <source>What the text found becomes</source>
        <translation>На что заменить найденный текст</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>Ре&amp;гулярное выражение</translation>
    </message>
    <message>
        <source>Find is a regular expression; the replacement may use \1 or \g&lt;name&gt;.</source>
        <translation>Искомый текст — регулярное выражение; в замене можно использовать \1 или \g&lt;name&gt;.</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>&amp;Учитывать регистр</translation>
    </message>
    <message>
        <source>Find only text with the same capital and small letters</source>
        <translation>Находить только текст с теми же заглавными и строчными буквами</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>&amp;Операция:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Значение:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>По&amp;ле:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Н&amp;айти:</translation>
    </message>
    <message>
        <source>Replace &amp;with:</source>
        <translation>Заменить &amp;на:</translation>
    </message>
</context>
<context>
    <name>CatalogueSwitcher</name>
    <message>
        <source>Catalog cannot open the catalogue</source>
        <translation>Catalog не может открыть каталог</translation>
    </message>
    <message>
        <source>Catalog is still busy with a long task. Open the other catalogue once it has finished.</source>
        <translation>Catalog ещё выполняет длительную задачу. Откройте другой каталог, когда она завершится.</translation>
    </message>
    <message>
        <source>This catalogue is already open.</source>
        <translation>Этот каталог уже открыт.</translation>
    </message>
    <message>
        <source>The password could not be kept in the system keyring; it will be asked for next time.</source>
        <translation>Не удалось сохранить пароль в системном хранилище ключей; в следующий раз он будет запрошен снова.</translation>
    </message>
    <message>
        <source>The catalogue file {0} is no longer there; it has been taken off the recent list.</source>
        <translation>Файла каталога {0} больше нет; он удалён из списка недавних.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <source>After</source>
        <translation>После</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>WORDS</source>
        <translation>СЛОВА</translation>
    </message>
    <message>
        <source>records with this word anywhere (title, summary, notes)</source>
        <translation>записи с этим словом где угодно (заголовок, аннотация, заметки)</translation>
    </message>
    <message>
        <source>words starting with &quot;veteran&quot;</source>
        <translation>слова, начинающиеся с «veteran»</translation>
    </message>
    <message>
        <source>this exact phrase</source>
        <translation>именно эта фраза</translation>
    </message>
    <message>
        <source>the word only in the title (also summary:, note:)</source>
        <translation>слово только в заголовке (также summary:, note:)</translation>
    </message>
    <message>
        <source>COMBINING</source>
        <translation>СОЧЕТАНИЯ</translation>
    </message>
    <message>
        <source>both words (AND is implied)</source>
        <translation>оба слова (AND подразумевается)</translation>
    </message>
    <message>
        <source>either word (AND, OR, NOT only in capitals)</source>
        <translation>любое из слов (AND, OR, NOT — только заглавными)</translation>
    </message>
    <message>
        <source>leave out records with &quot;China&quot;  (also: NOT China)</source>
        <translation>исключить записи с «China»  (или так: NOT China)</translation>
    </message>
    <message>
        <source>brackets group</source>
        <translation>скобки группируют</translation>
    </message>
    <message>
        <source>FIELDS (a whole value; quote values with spaces)</source>
        <translation>ПОЛЯ (значение целиком; значения с пробелами берите в кавычки)</translation>
    </message>
    <message>
        <source>document type</source>
        <translation>тип документа</translation>
    </message>
    <message>
        <source>also organisation: (org:), place:, subject:</source>
        <translation>также organisation: (org:), place:, subject:</translation>
    </message>
    <message>
        <source>original archive</source>
        <translation>архив, где хранится оригинал</translation>
    </message>
    <message>
        <source>also collection:, tag:</source>
        <translation>также collection:, tag:</translation>
    </message>
    <message>
        <source>DATES (a record matches when its date starts in the range)</source>
        <translation>ДАТЫ (запись подходит, если её дата начинается в этом промежутке)</translation>
    </message>
    <message>
        <source>the year 1959</source>
        <translation>1959 год</translation>
    </message>
    <message>
        <source>October 1959</source>
        <translation>октябрь 1959</translation>
    </message>
    <message>
        <source>the decade</source>
        <translation>десятилетие</translation>
    </message>
    <message>
        <source>from 1955 to 1957</source>
        <translation>с 1955 по 1957</translation>
    </message>
    <message>
        <source>from 1956 on</source>
        <translation>с 1956 и позже</translation>
    </message>
    <message>
        <source>before 1960</source>
        <translation>до 1960</translation>
    </message>
    <message>
        <source>OTHER</source>
        <translation>ПРОЧЕЕ</translation>
    </message>
    <message>
        <source>also has:relations, has:attachments, has:date, has:tags</source>
        <translation>также has:relations, has:attachments, has:date, has:tags</translation>
    </message>
    <message>
        <source>records in the trash</source>
        <translation>записи в корзине</translation>
    </message>
    <message>
        <source>Clicking a value in the sidebar adds its clause to the search box; Esc clears it.</source>
        <translation>Щелчок по значению на боковой панели добавляет его условие в строку поиска; Esc очищает её.</translation>
    </message>
    <message>
        <source>Query language cheat sheet</source>
        <translation>Шпаргалка по языку запросов</translation>
    </message>
    <message>
        <source>Examples of what can be typed in the search box</source>
        <translation>Примеры того, что можно ввести в строку поиска</translation>
    </message>
    <message>
        <source>Query examples</source>
        <translation>Примеры запросов</translation>
    </message>
    <message>
        <source>Each line shows a query as it is typed, then what it finds</source>
        <translation>В каждой строке — запрос в том виде, в каком его вводят, и что он находит</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the cheat sheet</source>
        <translation>Закрыть шпаргалку</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check catalogue</source>
        <translation>Проверка каталога</translation>
    </message>
    <message>
        <source>The problems found in the catalogue, and how each is repaired</source>
        <translation>Проблемы, найденные в каталоге, и способы их исправления</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Outcome of the check</source>
        <translation>Итог проверки</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Исправление</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Найденные проблемы</translation>
    </message>
    <message>
        <source>Each problem, and its repair; repairs starting with You: need you</source>
        <translation>Каждая проблема и её исправление; исправления, начинающиеся с «Вы:», требуют вашего участия</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Закрыть это окно</translation>
    </message>
    <message>
        <source>&amp;Repair</source>
        <translation>&amp;Исправить</translation>
    </message>
    <message>
        <source>Apply the repairs that need no decision, then check again</source>
        <translation>Выполнить исправления, не требующие решения, и проверить снова</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Проверить с&amp;нова</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Проверить снова</translation>
    </message>
    <message>
        <source>Check the whole catalogue again</source>
        <translation>Проверить весь каталог ещё раз</translation>
    </message>
    <message>
        <source>Checking the catalogue</source>
        <translation>Проверка каталога</translation>
    </message>
    <message>
        <source>You: {0}</source>
        <translation>Вы: {0}</translation>
    </message>
    <message>
        <source>No problems found: the catalogue is sound.</source>
        <translation>Проблем не найдено: каталог в порядке.</translation>
    </message>
    <message numerus="yes">
        <source>{0} problem found.</source>
        <translation>
            <numerusform>Найдена {0} проблема.</numerusform>
            <numerusform>Найдены {0} проблемы.</numerusform>
            <numerusform>Найдено {0} проблем.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} problems found.</source>
        <translation>
            <numerusform>Найдена {0} проблема.</numerusform>
            <numerusform>Найдены {0} проблемы.</numerusform>
            <numerusform>Найдено {0} проблем.</numerusform>
        </translation>
    </message>
    <message>
        <source>Repair fixes it.</source>
        <translation>«Исправить» устранит её.</translation>
    </message>
    <message>
        <source>Repair fixes them all.</source>
        <translation>«Исправить» устранит их все.</translation>
    </message>
    <message>
        <source>Repair fixes {0} of them; the others need you.</source>
        <translation>«Исправить» устранит {0} из них; остальные требуют вашего участия.</translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation>Исправление…</translation>
    </message>
    <message>
        <source>Repairing</source>
        <translation>Исправление</translation>
    </message>
    <message>
        <source>Stopped; nothing was changed.</source>
        <translation>Остановлено; ничего не изменено.</translation>
    </message>
    <message>
        <source>The check could not finish.</source>
        <translation>Проверку не удалось завершить.</translation>
    </message>
    <message>
        <source>checking the catalogue</source>
        <translation>проверку каталога</translation>
    </message>
    <message>
        <source>This catalogue cannot be checked here.</source>
        <translation>Этот каталог нельзя проверить отсюда.</translation>
    </message>
</context>
<context>
    <name>ChipBar</name>
    <message>
        <source>Applied filters</source>
        <translation>Применённые фильтры</translation>
    </message>
    <message>
        <source>Each button removes its clause from the search</source>
        <translation>Каждая кнопка убирает своё условие из поиска</translation>
    </message>
    <message>
        <source>Remove filter {0}</source>
        <translation>Убрать фильтр {0}</translation>
    </message>
    <message>
        <source>Removes this clause from the search and searches again</source>
        <translation>Убирает это условие из поиска и повторяет поиск</translation>
    </message>
    <message>
        <source>{0}
Click or press Delete to remove it</source>
        <translation>{0}
Щёлкните или нажмите Delete, чтобы убрать его</translation>
    </message>
</context>
<context>
    <name>CitationCommands</name>
    <message>
        <source>Digital archive style</source>
        <translation>Стиль цифрового архива</translation>
    </message>
    <message>
        <source>Chicago (note)</source>
        <translation>Chicago (примечание)</translation>
    </message>
    <message>
        <source>Chicago (bibliography)</source>
        <translation>Chicago (библиография)</translation>
    </message>
    <message>
        <source>Select a record to cite.</source>
        <translation>Выберите запись, на которую нужно сослаться.</translation>
    </message>
    <message numerus="yes">
        <source>Copied {0} citation ({1}).</source>
        <translation>
            <numerusform>Скопирована {0} ссылка ({1}).</numerusform>
            <numerusform>Скопированы {0} ссылки ({1}).</numerusform>
            <numerusform>Скопировано {0} ссылок ({1}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied {0} citations ({1}).</source>
        <translation>
            <numerusform>Скопирована {0} ссылка ({1}).</numerusform>
            <numerusform>Скопированы {0} ссылки ({1}).</numerusform>
            <numerusform>Скопировано {0} ссылок ({1}).</numerusform>
        </translation>
    </message>
    <message>
        <source>citing the records</source>
        <translation>оформление ссылок на записи</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Columns to export</source>
        <translation>Столбцы для экспорта</translation>
    </message>
    <message>
        <source>Tick the columns to write with Space; drag them, or use Move up and Move down, to order them</source>
        <translation>Отметьте нужные столбцы клавишей «Пробел»; чтобы изменить порядок, перетаскивайте их или используйте кнопки «Выше» и «Ниже»</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Вы&amp;ше</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move the current column up one place (Alt+Up)</source>
        <translation>Переместить текущий столбец на одну позицию выше (Alt+Вверх)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Ни&amp;же</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Move the current column down one place (Alt+Down)</source>
        <translation>Переместить текущий столбец на одну позицию ниже (Alt+Вниз)</translation>
    </message>
    <message>
        <source>De&amp;fault</source>
        <translation>По &amp;умолчанию</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source>Tick every column, in the format&apos;s own order</source>
        <translation>Отметить все столбцы в порядке, принятом в формате</translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message>
        <source>Record list columns</source>
        <translation>Столбцы списка записей</translation>
    </message>
    <message>
        <source>Click a column to sort by it, drag it to move it, right-click to choose columns.</source>
        <translation>Щёлкните столбец, чтобы отсортировать по нему; перетащите, чтобы переместить; щёлкните правой кнопкой, чтобы выбрать столбцы.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Choose which columns the record list shows.</source>
        <translation>Выберите столбцы, которые показывает список записей.</translation>
    </message>
    <message>
        <source>Show or hide the {0} column.</source>
        <translation>Показать или скрыть столбец «{0}».</translation>
    </message>
    <message>
        <source>Reset Columns</source>
        <translation>Сбросить столбцы</translation>
    </message>
    <message>
        <source>Show the default columns in their default order and widths.</source>
        <translation>Показать столбцы по умолчанию в исходном порядке и с исходной шириной.</translation>
    </message>
</context>
<context>
    <name>ConfirmDeleteNote</name>
    <message>
        <source>Delete note</source>
        <translation>Удаление заметки</translation>
    </message>
    <message>
        <source>Asks whether to delete a note.</source>
        <translation>Спрашивает, удалить ли заметку.</translation>
    </message>
    <message>
        <source>Delete this note? Undo brings it back.</source>
        <translation>Удалить эту заметку? Её можно вернуть отменой действия.</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <comment>the note quoted</comment>
        <translation>«{0}»</translation>
    </message>
    <message>
        <source>Note to delete</source>
        <translation>Удаляемая заметка</translation>
    </message>
    <message>
        <source>The note that would be deleted.</source>
        <translation>Заметка, которая будет удалена.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the note.</source>
        <translation>Удалить заметку.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Keep the note.</source>
        <translation>Оставить заметку.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>Приблизительно</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Предположительно</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Архивный шифр</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Коллекции</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>The record was changed meanwhile</source>
        <translation>Запись тем временем изменили</translation>
    </message>
    <message>
        <source>Resolve the edit conflict</source>
        <translation>Разрешение конфликта правок</translation>
    </message>
    <message>
        <source>Someone saved this record after you opened it. For each field that differs, choose which value to keep; the result is saved over their version.</source>
        <translation>Кто-то сохранил эту запись после того, как вы её открыли. Для каждого различающегося поля выберите, какое значение оставить; результат будет сохранён поверх их версии.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Пояснение</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Мой вариант</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Их вариант</translation>
    </message>
    <message>
        <source>Differing fields</source>
        <translation>Различающиеся поля</translation>
    </message>
    <message>
        <source>Each field that differs, with your value and the stored one to choose from</source>
        <translation>Каждое различающееся поле с вашим и сохранённым значением на выбор</translation>
    </message>
    <message>
        <source>Save merged</source>
        <translation>Сохранить объединённое</translation>
    </message>
    <message>
        <source>Save the merged record</source>
        <translation>Сохранить объединённую запись</translation>
    </message>
    <message>
        <source>Save the values chosen over the version stored meanwhile</source>
        <translation>Сохранить выбранные значения поверх версии, сохранённой тем временем</translation>
    </message>
    <message>
        <source>Cancel, back to the editor</source>
        <translation>Отмена, назад в редактор</translation>
    </message>
    <message>
        <source>Save nothing and go back to editing; your changes stay in the editor</source>
        <translation>Ничего не сохранять и вернуться к правке; ваши изменения останутся в редакторе</translation>
    </message>
    <message>
        <source>Keep your value of {0}</source>
        <translation>Оставить ваше значение поля «{0}»</translation>
    </message>
    <message>
        <source>Keep the stored value of {0}</source>
        <translation>Оставить сохранённое значение поля «{0}»</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>The host is a name or an address, such as db.example.org or 192.0.2.10.</source>
        <translation>Хост — это имя или адрес, например db.example.org или 192.0.2.10.</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>хост</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>базу данных</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>пользователя</translation>
    </message>
    <message>
        <source>Fill in {0}.</source>
        <translation>Укажите {0}.</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <comment>the last two of a list</comment>
        <translation>{0} и {1}</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>&amp;Запомнить пароль в системном хранилище паролей</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring, so it is not asked for next time.</source>
        <translation>Сохранить пароль в системном хранилище паролей, чтобы в следующий раз его не спрашивать.</translation>
    </message>
    <message>
        <source>Connect to a team catalogue</source>
        <translation>Подключение к общему каталогу</translation>
    </message>
    <message>
        <source>Open a catalogue kept on a PostgreSQL server.</source>
        <translation>Открыть каталог, хранящийся на сервере PostgreSQL.</translation>
    </message>
    <message>
        <source>Open a catalogue that your team keeps on a PostgreSQL server.</source>
        <translation>Откройте каталог, который ваша команда хранит на сервере PostgreSQL.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Хост</translation>
    </message>
    <message>
        <source>The server&apos;s name or address.</source>
        <translation>Имя или адрес сервера.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>The server&apos;s port; PostgreSQL&apos;s own is 5432.</source>
        <translation>Порт сервера; стандартный порт PostgreSQL — 5432.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>The catalogue&apos;s database.</source>
        <translation>База данных каталога.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>The name you log in to the server with.</source>
        <translation>Имя, под которым вы входите на сервер.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Your password on the server. Leave it empty to use PGPASSWORD or ~/.pgpass.</source>
        <translation>Ваш пароль на сервере. Оставьте пустым, чтобы использовать PGPASSWORD или ~/.pgpass.</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Запомнить пароль в системном хранилище паролей</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>Re&amp;cent catalogues:</source>
        <translation>&amp;Недавние каталоги:</translation>
    </message>
    <message>
        <source>What the connection says</source>
        <translation>Сообщение о подключении</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>По&amp;дключиться</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>Open the catalogue on this server.</source>
        <translation>Открыть каталог на этом сервере.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Keep the catalogue that is open now.</source>
        <translation>Оставить открытым текущий каталог.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Проверить &amp;соединение</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить соединение</translation>
    </message>
    <message>
        <source>Log in to the server once, changing nothing.</source>
        <translation>Один раз войти на сервер, ничего не меняя.</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>Подключение к {0}…</translation>
    </message>
    <message>
        <source>testing the connection</source>
        <translation>проверку соединения</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>No system keyring is available: the password will be asked for each time.</source>
        <translation>Системное хранилище паролей недоступно: пароль будет запрашиваться каждый раз.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. October, 1959 or c. 1950</source>
        <translation>напр. октябрь 1959 или ок. 1950</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>The date as written in the document.</source>
        <translation>Дата в том виде, как она написана в документе.</translation>
    </message>
    <message>
        <source>Appro&amp;ximate</source>
        <translation>&amp;Приблизительно</translation>
    </message>
    <message>
        <source>Approximate date</source>
        <translation>Приблизительная дата</translation>
    </message>
    <message>
        <source>Mark the date as approximate (about, circa)</source>
        <translation>Отметить дату как приблизительную (около, ок.)</translation>
    </message>
    <message>
        <source>&amp;Uncertain</source>
        <translation>Пр&amp;едположительно</translation>
    </message>
    <message>
        <source>Uncertain date</source>
        <translation>Предположительная дата</translation>
    </message>
    <message>
        <source>Mark the date as uncertain (doubtful)</source>
        <translation>Отметить дату как предположительную (сомнительную)</translation>
    </message>
    <message>
        <source>How the date was understood</source>
        <translation>Как понята дата</translation>
    </message>
    <message>
        <source>No date: the record is undated.</source>
        <translation>Даты нет: запись без даты.</translation>
    </message>
    <message>
        <source>Understood as {0}</source>
        <translation>Понято как {0}</translation>
    </message>
    <message>
        <source>Warning: this date was not understood; it will be kept as typed.</source>
        <translation>Внимание: эта дата не распознана; она будет сохранена в том виде, как введена.</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>{0} to {1}</source>
        <translation>с {0} по {1}</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>с {0}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>по {0}</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>любая дата</translation>
    </message>
</context>
<context>
    <name>DetailFields</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Архивный шифр</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Коллекции</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Лица</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <source>Notes ({0})</source>
        <translation>Заметки ({0})</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>Связанные записи</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>History ({0})</source>
        <translation>История ({0})</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>author</source>
        <translation>автор</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>адресат</translation>
    </message>
    <message>
        <source>mentioned</source>
        <translation>упомянут</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>тема</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>архив</translation>
    </message>
    <message>
        <source>cover memo for</source>
        <translation>сопроводительная записка к</translation>
    </message>
    <message>
        <source>has cover memo</source>
        <translation>есть сопроводительная записка</translation>
    </message>
    <message>
        <source>reply to</source>
        <translation>ответ на</translation>
    </message>
    <message>
        <source>answered by</source>
        <translation>получен ответ</translation>
    </message>
    <message>
        <source>translation of</source>
        <translation>перевод документа</translation>
    </message>
    <message>
        <source>has translation</source>
        <translation>есть перевод</translation>
    </message>
    <message>
        <source>attachment of</source>
        <translation>приложение к</translation>
    </message>
    <message>
        <source>has attachment</source>
        <translation>есть приложение</translation>
    </message>
    <message>
        <source>part of</source>
        <translation>входит в</translation>
    </message>
    <message>
        <source>has part</source>
        <translation>включает</translation>
    </message>
    <message>
        <source>same as</source>
        <translation>то же, что</translation>
    </message>
    <message>
        <source>related to</source>
        <translation>связано с</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Добавить заметку…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Без даты</translation>
    </message>
    <message>
        <source>(not understood as a date)</source>
        <translation>(не распознано как дата)</translation>
    </message>
    <message>
        <source>also {0}</source>
        <translation>также {0}</translation>
    </message>
    <message>
        <source>record {0}</source>
        <translation>запись {0}</translation>
    </message>
    <message>
        <source>Unknown author</source>
        <translation>Автор неизвестен</translation>
    </message>
    <message>
        <source>(edited {0})</source>
        <translation>(изменено {0})</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>неизвестный пользователь</translation>
    </message>
    <message>
        <source>Created {0}</source>
        <translation>Создана {0}</translation>
    </message>
    <message>
        <source>Modified {0}</source>
        <translation>Изменена {0}</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>Версия {0}</translation>
    </message>
    <message>
        <source>Id {0}</source>
        <translation>Идентификатор {0}</translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation>В корзине</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>«{0}»</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a record to see everything the catalogue holds about it.</source>
        <translation>Выберите запись, чтобы увидеть всё, что о ней есть в каталоге.</translation>
    </message>
    <message>
        <source>Citation copied to the clipboard.</source>
        <translation>Ссылка на запись скопирована в буфер обмена.</translation>
    </message>
    <message>
        <source>Detail pane</source>
        <translation>Панель сведений</translation>
    </message>
    <message>
        <source>The selected record, with links to related records.</source>
        <translation>Выбранная запись со ссылками на связанные записи.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Show the record shown before this one</source>
        <translation>Вернуться к записи, показанной перед этой</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Show the record you went back from</source>
        <translation>Перейти к записи, от которой вы вернулись назад</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message>
        <source>Copy a citation of this record, in the digital archive&apos;s style, to the clipboard</source>
        <translation>Скопировать в буфер обмена ссылку на эту запись в стиле цифрового архива</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Добавить заметку…</translation>
    </message>
    <message>
        <source>Add a note to this record, signed with your name</source>
        <translation>Добавить к этой записи заметку, подписанную вашим именем</translation>
    </message>
    <message>
        <source>Detail pane message</source>
        <translation>Сообщение панели сведений</translation>
    </message>
    <message>
        <source>Why no single record is shown.</source>
        <translation>Почему не показана отдельная запись.</translation>
    </message>
    <message numerus="yes">
        <source>{0} records selected.</source>
        <translation>
            <numerusform>Выбрана {0} запись.</numerusform>
            <numerusform>Выбраны {0} записи.</numerusform>
            <numerusform>Выбрано {0} записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>This record is no longer in the catalogue.</source>
        <translation>Этой записи больше нет в каталоге.</translation>
    </message>
    <message>
        <source>The record could not be read: {0}</source>
        <translation>Не удалось прочитать запись: {0}</translation>
    </message>
    <message>
        <source>The record could not be shown.</source>
        <translation>Не удалось показать запись.</translation>
    </message>
    <message>
        <source>This catalogue has no folder for attachments.</source>
        <translation>У этого каталога нет папки для вложений.</translation>
    </message>
    <message>
        <source>The attachment path {0} leads outside the catalogue&apos;s folder; it is not opened.</source>
        <translation>Путь вложения {0} ведёт за пределы папки каталога; файл не открыт.</translation>
    </message>
    <message>
        <source>The attachment {0} is not at {1}.</source>
        <translation>Вложение {0} не найдено по пути {1}.</translation>
    </message>
    <message>
        <source>No application could open {0}.</source>
        <translation>Ни одно приложение не смогло открыть {0}.</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Imported title</source>
        <translation>Импортируемый заголовок</translation>
    </message>
    <message>
        <source>Existing record</source>
        <translation>Существующая запись</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>Совпадение по</translation>
    </message>
    <message>
        <source>same identifier</source>
        <translation>тот же идентификатор</translation>
    </message>
    <message>
        <source>same date, similar title</source>
        <translation>та же дата, похожий заголовок</translation>
    </message>
</context>
<context>
    <name>EditingCommands</name>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Отменить: {0}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Повторить: {0}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Undid “{0}”.</source>
        <translation>Отменено: «{0}».</translation>
    </message>
    <message>
        <source>Redid “{0}”.</source>
        <translation>Повторено: «{0}».</translation>
    </message>
    <message numerus="yes">
        <source>Moved {0} record to the trash (Edit → Undo brings it back).</source>
        <translation>
            <numerusform>{0} запись перемещена в корзину (Правка → Отменить вернёт её).</numerusform>
            <numerusform>{0} записи перемещены в корзину (Правка → Отменить вернёт их).</numerusform>
            <numerusform>{0} записей перемещено в корзину (Правка → Отменить вернёт их).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved {0} records to the trash (Edit → Undo brings them back).</source>
        <translation>
            <numerusform>{0} запись перемещена в корзину (Правка → Отменить вернёт её).</numerusform>
            <numerusform>{0} записи перемещены в корзину (Правка → Отменить вернёт их).</numerusform>
            <numerusform>{0} записей перемещено в корзину (Правка → Отменить вернёт их).</numerusform>
        </translation>
    </message>
    <message>
        <source>Your notes and changes are now signed “{0}”.</source>
        <translation>Теперь ваши заметки и изменения подписаны «{0}».</translation>
    </message>
    <message>
        <source>The change was not made</source>
        <translation>Изменение не внесено</translation>
    </message>
    <message>
        <source>changing the catalogue</source>
        <translation>изменение каталога</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{reason} (at position {position})</source>
        <translation>{reason} (позиция {position})</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>{path}:{line}: {reason}</source>
        <translation>{path}, строка {line}: {reason}</translation>
    </message>
    <message>
        <source>This quote is never closed</source>
        <translation>Кавычка не закрыта</translation>
    </message>
    <message>
        <source>Unknown field &quot;{name}:&quot;; the fields are {fields}</source>
        <translation>Неизвестное поле «{name}:»; есть поля {fields}</translation>
    </message>
    <message>
        <source>&quot;{name}:&quot; needs a value after it</source>
        <translation>После «{name}:» нужно значение</translation>
    </message>
    <message>
        <source>Unknown &quot;{name}:{value}&quot;; use {allowed}</source>
        <translation>Неизвестное условие «{name}:{value}»; используйте {allowed}</translation>
    </message>
    <message>
        <source>Cannot understand the date &quot;{date}&quot;</source>
        <translation>Не удаётся понять дату «{date}»</translation>
    </message>
    <message>
        <source>The date &quot;{date}&quot; has no start</source>
        <translation>У даты «{date}» нет начала</translation>
    </message>
    <message>
        <source>The date &quot;{date}&quot; has no end</source>
        <translation>У даты «{date}» нет конца</translation>
    </message>
    <message>
        <source>A date range needs at least one end</source>
        <translation>У диапазона дат должен быть хотя бы один конец</translation>
    </message>
    <message>
        <source>This date range ends before it starts</source>
        <translation>Этот диапазон дат кончается раньше, чем начинается</translation>
    </message>
    <message>
        <source>This bracket closes nothing: there is no &apos;(&apos; before it</source>
        <translation>Эта скобка ничего не закрывает: перед ней нет «(»</translation>
    </message>
    <message>
        <source>This bracket is never closed</source>
        <translation>Скобка не закрыта</translation>
    </message>
    <message>
        <source>{operator} must be followed by a search term</source>
        <translation>После {operator} нужно условие поиска</translation>
    </message>
    <message>
        <source>{operator} must come between two search terms</source>
        <translation>{operator} должно стоять между двумя условиями поиска</translation>
    </message>
    <message>
        <source>Nothing between the brackets</source>
        <translation>Между скобками ничего нет</translation>
    </message>
    <message>
        <source>Too deeply nested (more than {limit} brackets)</source>
        <translation>Слишком глубокая вложенность скобок (допустимо уровней: {limit})</translation>
    </message>
    <message>
        <source>The catalogue {path} is damaged ({reason}). `catalog restore` puts the newest good backup in its place and keeps the damaged file beside it.</source>
        <translation>Каталог {path} повреждён ({reason}). Команда `catalog restore` поставит на его место последнюю исправную резервную копию, а повреждённый файл сохранит рядом.</translation>
    </message>
    <message>
        <source>No good backup of {path} was found in {folder}.</source>
        <translation>В папке {folder} не найдено исправной резервной копии {path}.</translation>
    </message>
    <message>
        <source>The backup {backup} does not exist.</source>
        <translation>Резервной копии {backup} не существует.</translation>
    </message>
    <message>
        <source>Another Catalog is using {path}; close it before restoring a backup.</source>
        <translation>Каталог {path} открыт в другой копии Catalog; закройте её, прежде чем восстанавливать резервную копию.</translation>
    </message>
    <message>
        <source>The backup {backup} cannot be restored: it is not a Catalog catalogue.</source>
        <translation>Резервную копию {backup} нельзя восстановить: это не каталог Catalog.</translation>
    </message>
    <message>
        <source>The backup {backup} cannot be restored: {problem}.</source>
        <translation>Резервную копию {backup} нельзя восстановить: {problem}.</translation>
    </message>
    <message>
        <source>The backup could not be put in place of {path}: {reason}; it is at {staging}.</source>
        <translation>Не удалось поставить резервную копию на место {path}: {reason}; она находится в {staging}.</translation>
    </message>
    <message>
        <source>the sample records are not installed</source>
        <translation>образцы записей не установлены</translation>
    </message>
    <message>
        <source>Updating the sort order of titles and names</source>
        <translation>Обновление порядка сортировки названий и имён</translation>
    </message>
    <message>
        <source>Writing the new sort order</source>
        <translation>Запись нового порядка сортировки</translation>
    </message>
    <message>
        <source>Catalog has no sort order called {locale}.</source>
        <translation>В Catalog нет порядка сортировки {locale}.</translation>
    </message>
    <message>
        <source>Backups of a server catalogue are made on the server (with pg_dump).</source>
        <translation>Резервные копии серверного каталога делаются на сервере (с помощью pg_dump).</translation>
    </message>
    <message>
        <source>The source and the destination are the same catalogue.</source>
        <translation>Источник и назначение — один и тот же каталог.</translation>
    </message>
    <message>
        <source>{target} is not a catalogue file or database URL.</source>
        <translation>{target} — не файл каталога и не адрес базы данных.</translation>
    </message>
    <message>
        <source>There is no catalogue at {where}.</source>
        <translation>По адресу {where} каталога нет.</translation>
    </message>
    <message>
        <source>{where} is not a Catalog catalogue.</source>
        <translation>{where} — не каталог Catalog.</translation>
    </message>
    <message>
        <source>The catalogue {where} was written by an older version of Catalog (schema revision {revision}). Open it once with this version, which upgrades it after taking a backup, then copy it.</source>
        <translation>Каталог {where} записан более старой версией Catalog (редакция схемы {revision}). Откройте его один раз в этой версии — она обновит его, сделав резервную копию, — а затем скопируйте.</translation>
    </message>
    <message>
        <source>The catalogue {where} was written by a newer version of Catalog (schema revision {revision}); install that version to copy it.</source>
        <translation>Каталог {where} записан более новой версией Catalog (редакция схемы {revision}); чтобы скопировать его, установите эту версию.</translation>
    </message>
    <message>
        <source>{where} already holds a catalogue ({count} records); copy into a new file or an empty database.</source>
        <translation>В {where} уже есть каталог (записей: {count}); копируйте в новый файл или пустую базу данных.</translation>
    </message>
    <message>
        <source>{where} already holds a catalogue (rows in {table}); copy into a new file or an empty database.</source>
        <translation>В {where} уже есть каталог (строки в {table}); копируйте в новый файл или пустую базу данных.</translation>
    </message>
    <message>
        <source>Copying {table}</source>
        <translation>Копирование таблицы {table}</translation>
    </message>
    <message>
        <source>Rebuilding the search index</source>
        <translation>Перестройка поискового индекса</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>A row of {table} cannot be written to {where}: {reason}. Nothing was copied.</source>
        <translation>Строку таблицы {table} не удаётся записать в {where}: {reason}. Ничего не скопировано.</translation>
    </message>
    <message>
        <source>The copy to {where} did not match its source ({differences}); it has been undone.</source>
        <translation>Копия в {where} не совпала с источником ({differences}); копирование отменено.</translation>
    </message>
    <message>
        <source>{path} is not a file that can be attached.</source>
        <translation>{path} — не файл, который можно вложить.</translation>
    </message>
    <message>
        <source>Could not store {name}: {reason}</source>
        <translation>Не удалось сохранить {name}: {reason}</translation>
    </message>
    <message>
        <source>The attachment path “{path}” is outside the catalogue&apos;s folder.</source>
        <translation>Путь вложения «{path}» ведёт за пределы папки каталога.</translation>
    </message>
    <message>
        <source>The attachment path “{path}” does not name a file.</source>
        <translation>Путь вложения «{path}» не указывает на файл.</translation>
    </message>
    <message>
        <source>The attachment path “{path}” holds a control character (such as NUL).</source>
        <translation>Путь вложения «{path}» содержит управляющий символ (например, NUL).</translation>
    </message>
    <message>
        <source>The attachment path “{path}” holds characters no file name can have.</source>
        <translation>Путь вложения «{path}» содержит символы, недопустимые в имени файла.</translation>
    </message>
    <message>
        <source>The attachment path “{path}” is too long for a file name.</source>
        <translation>Путь вложения «{path}» слишком длинный для имени файла.</translation>
    </message>
    <message>
        <source>The attachment path “{path}” names a device, not a file.</source>
        <translation>Путь вложения «{path}» указывает на устройство, а не на файл.</translation>
    </message>
    <message>
        <source>A name cannot be merged with itself.</source>
        <translation>Имя нельзя объединить с самим собой.</translation>
    </message>
    <message>
        <source>“{drop}” is a {drop_kind} and “{keep}” a {keep_kind}: only names of the same kind can be merged.</source>
        <translation>«{drop}» — {drop_kind}, а «{keep}» — {keep_kind}: объединять можно только имена одного вида.</translation>
    </message>
    <message>
        <source>“{name}” is the authorised name and stays; rename it first.</source>
        <translation>«{name}» — нормативная форма, она остаётся; сначала переименуйте её.</translation>
    </message>
    <message>
        <source>“{name}” is used by 1 record; merge it into another name instead.</source>
        <translation>«{name}» используется в одной записи; вместо удаления объедините его с другим именем.</translation>
    </message>
    <message>
        <source>“{name}” is used by {count} records; merge it into another name instead.</source>
        <translation>«{name}» используется в записях (их число: {count}); вместо удаления объедините его с другим именем.</translation>
    </message>
    <message>
        <source>That name is no longer in the catalogue.</source>
        <translation>Этого имени в каталоге больше нет.</translation>
    </message>
    <message>
        <source>“{name}” was changed by someone else since it was shown; nothing was overwritten. Look at it again and repeat the change.</source>
        <translation>«{name}» изменил кто-то другой после того, как оно было показано; ничего не перезаписано. Посмотрите на него снова и повторите изменение.</translation>
    </message>
    <message>
        <source>“{name}” is already a name of the {kind} “{other}”: add it as a variant or merge the two instead.</source>
        <translation>«{name}» уже записано как имя «{other}» ({kind}): добавьте его как вариант или объедините эти два имени.</translation>
    </message>
    <message>
        <source>The replacement would leave record {record} without a title.</source>
        <translation>После замены у записи {record} не останется заголовка.</translation>
    </message>
    <message>
        <source>Type the text to find.</source>
        <translation>Введите текст для поиска.</translation>
    </message>
    <message>
        <source>The regular expression is not valid: {error}.</source>
        <translation>Недопустимое регулярное выражение: {error}.</translation>
    </message>
    <message>
        <source>The replacement is not valid: {error}.</source>
        <translation>Недопустимая замена: {error}.</translation>
    </message>
    <message>
        <source>Choose the name to remove.</source>
        <translation>Выберите имя, которое нужно убрать.</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>Сначала введите имя.</translation>
    </message>
    <message>
        <source>Changed since you opened it (record {ids}); nothing was overwritten.</source>
        <translation>Изменено после того, как вы это открыли (запись {ids}); ничего не перезаписано.</translation>
    </message>
    <message>
        <source>Changed since you opened it (records {ids}); nothing was overwritten.</source>
        <translation>Изменено после того, как вы это открыли (записи {ids}); ничего не перезаписано.</translation>
    </message>
    <message>
        <source>Changed since you opened it (name {ids}); nothing was overwritten.</source>
        <translation>Изменено после того, как вы это открыли (имя {ids}); ничего не перезаписано.</translation>
    </message>
    <message>
        <source>Changed since you opened it (names {ids}); nothing was overwritten.</source>
        <translation>Изменено после того, как вы это открыли (имена {ids}); ничего не перезаписано.</translation>
    </message>
    <message>
        <source>Record {record} is not in the catalogue.</source>
        <translation>Записи {record} в каталоге нет.</translation>
    </message>
    <message>
        <source>Cannot undo “{label}”: {reason}</source>
        <translation>Не удаётся отменить «{label}»: {reason}</translation>
    </message>
    <message>
        <source>Cannot redo “{label}”: {reason}</source>
        <translation>Не удаётся повторить «{label}»: {reason}</translation>
    </message>
    <message>
        <source>A record cannot be linked to itself.</source>
        <translation>Запись нельзя связать с самой собой.</translation>
    </message>
    <message>
        <source>That note is no longer in the catalogue.</source>
        <translation>Этой заметки в каталоге больше нет.</translation>
    </message>
    <message>
        <source>Someone changed this note since it was shown; nothing was overwritten.</source>
        <translation>Кто-то изменил эту заметку после того, как она была показана; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>В заметке должен быть текст.</translation>
    </message>
    <message>
        <source>A person needs a name.</source>
        <translation>У лица должно быть имя.</translation>
    </message>
    <message>
        <source>An organisation needs a name.</source>
        <translation>У организации должно быть название.</translation>
    </message>
    <message>
        <source>A place needs a name.</source>
        <translation>У места должно быть название.</translation>
    </message>
    <message>
        <source>A subject needs a name.</source>
        <translation>У темы должно быть название.</translation>
    </message>
    <message>
        <source>A repository needs a name.</source>
        <translation>У архива должно быть название.</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>Нужен заголовок.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name to export to.</source>
        <translation>{path} — это папка; укажите имя файла для экспорта.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Папка {folder} не существует.</translation>
    </message>
    <message>
        <source>Exporting {count} record as {format}</source>
        <translation>Экспорт в формат {format} (записей: {count})</translation>
    </message>
    <message>
        <source>Exporting {count} records as {format}</source>
        <translation>Экспорт в формат {format} (записей: {count})</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Не удаётся записать {path}: {reason}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Unknown export format {name} (known: {known}).</source>
        <translation>Неизвестный формат экспорта {name} (известные: {known}).</translation>
    </message>
    <message>
        <source>{format} has no columns to choose; columns are for CSV and XLSX.</source>
        <translation>В формате {format} нельзя выбирать столбцы; столбцы выбираются для CSV и XLSX.</translation>
    </message>
    <message>
        <source>Checked {count} records</source>
        <translation>Проверено записей: {count}</translation>
    </message>
    <message>
        <source>the file holds no records</source>
        <translation>в файле нет записей</translation>
    </message>
    <message>
        <source>“{text}” is not a date Catalog understands; it is kept as text</source>
        <translation>«{text}» — дата, которую Catalog не понимает; она сохранена как текст</translation>
    </message>
    <message>
        <source>Building the catalogue&apos;s indexes</source>
        <translation>Построение индексов каталога</translation>
    </message>
    <message>
        <source>Reading {file} as {format}</source>
        <translation>Чтение {file} в формате {format}</translation>
    </message>
    <message>
        <source>not imported (no field chosen for them): {names}</source>
        <translation>не импортировано (для них не выбрано поле): {names}</translation>
    </message>
    <message>
        <source>1 record already in the catalogue was skipped</source>
        <translation>пропущена 1 запись, которая уже есть в каталоге</translation>
    </message>
    <message>
        <source>{count} records already in the catalogue were skipped</source>
        <translation>пропущено записей, которые уже есть в каталоге: {count}</translation>
    </message>
    <message>
        <source>a record has no title</source>
        <translation>у записи нет заголовка</translation>
    </message>
    <message>
        <source>a title is longer than {limit} characters</source>
        <translation>заголовок длиннее допустимого (наибольшее число символов: {limit})</translation>
    </message>
    <message>
        <source>the record id {uid} appears twice in the file</source>
        <translation>идентификатор записи {uid} встречается в файле дважды</translation>
    </message>
    <message>
        <source>Looking for the record id given twice</source>
        <translation>Поиск идентификатора записи, встречающегося дважды</translation>
    </message>
    <message>
        <source>The backup of {source} failed its check: {verdict}</source>
        <translation>Резервная копия {source} не прошла проверку: {verdict}</translation>
    </message>
    <message>
        <source>The backup of {source} could not be written: {reason}</source>
        <translation>Не удалось записать резервную копию {source}: {reason}</translation>
    </message>
    <message>
        <source>The backup of {source} could not be written to {destination}: {reason}</source>
        <translation>Не удалось записать резервную копию {source} в {destination}: {reason}</translation>
    </message>
    <message>
        <source>The catalogue {catalogue} could not be moved aside: {reason}</source>
        <translation>Не удалось убрать в сторону каталог {catalogue}: {reason}</translation>
    </message>
    <message>
        <source>Catalog can open SQLite files and PostgreSQL servers, not {driver}.</source>
        <translation>Catalog открывает файлы SQLite и серверы PostgreSQL, но не {driver}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a catalogue file.</source>
        <translation>{path} — это папка, а не файл каталога.</translation>
    </message>
    <message>
        <source>The record {id} was changed by someone else meanwhile; nothing was overwritten.</source>
        <translation>Запись {id} тем временем изменил кто-то другой; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>The name {id} was changed by someone else meanwhile; nothing was overwritten.</source>
        <translation>Имя {id} тем временем изменил кто-то другой; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>Record {ids} was changed by someone else meanwhile; nothing was overwritten.</source>
        <translation>Запись {ids} тем временем изменил кто-то другой; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>The catalogue {where} needs a newer version of Catalog (its schema is version {major}; this version writes version {ours}).</source>
        <translation>Для каталога {where} нужна более новая версия Catalog (версия его схемы — {major}; эта версия записывает схему версии {ours}).</translation>
    </message>
    <message>
        <source>The connection to the catalogue {where} was lost. Nothing was saved; try again once it is back.</source>
        <translation>Соединение с каталогом {where} потеряно. Ничего не сохранено; повторите, когда соединение восстановится.</translation>
    </message>
    <message>
        <source>The catalogue {where} is busy: another program is writing to it. Try again in a moment.</source>
        <translation>Каталог {where} занят: в него записывает другая программа. Повторите через минуту.</translation>
    </message>
    <message>
        <source>The disk holding {where} is full. Nothing was saved; free some space and try again.</source>
        <translation>Диск, на котором находится {where}, заполнен. Ничего не сохранено; освободите место и повторите.</translation>
    </message>
    <message>
        <source>{where} is damaged or is not a Catalog catalogue.</source>
        <translation>{where} повреждён или не является каталогом Catalog.</translation>
    </message>
    <message>
        <source>The catalogue {where} cannot be written (read-only).</source>
        <translation>В каталог {where} нельзя записывать (только для чтения).</translation>
    </message>
    <message>
        <source>The catalogue {where} cannot be opened.</source>
        <translation>Каталог {where} не удаётся открыть.</translation>
    </message>
    <message>
        <source>The catalogue server {where} cannot be reached: {reason}</source>
        <translation>Сервер каталога {where} недоступен: {reason}</translation>
    </message>
    <message>
        <source>The catalogue {where} failed: {reason}</source>
        <translation>Сбой каталога {where}: {reason}</translation>
    </message>
    <message>
        <source>record {uid} holds text that is not valid Unicode</source>
        <translation>запись {uid} содержит текст, недопустимый в Юникоде</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>не удаётся записать {path}: {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: the PDF writer could not start</source>
        <translation>не удаётся записать {path}: не удалось начать запись PDF</translation>
    </message>
    <message>
        <source>cannot write {path}: the PDF writer produced nothing</source>
        <translation>не удаётся записать {path}: при записи PDF ничего не получено</translation>
    </message>
    <message>
        <source>the file is UTF-16 text; save it as UTF-8 CSV</source>
        <translation>файл в кодировке UTF-16; сохраните его как CSV в UTF-8</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte} of the line)</source>
        <translation>текст не в кодировке UTF-8 (байт {byte} в строке)</translation>
    </message>
    <message>
        <source>the line holds a NUL character</source>
        <translation>в строке есть символ NUL</translation>
    </message>
    <message>
        <source>a quoted cell is never closed (a &apos;&quot;&apos; is missing)</source>
        <translation>ячейка в кавычках не закрыта (не хватает «&quot;»)</translation>
    </message>
    <message>
        <source>not valid CSV: {reason}</source>
        <translation>недопустимый CSV: {reason}</translation>
    </message>
    <message>
        <source>not CSL-JSON: the file is an object, not a list of items</source>
        <translation>это не CSL-JSON: в файле объект, а не список элементов</translation>
    </message>
    <message>
        <source>must be an object, not {kind}</source>
        <translation>нужен объект, а не {kind}</translation>
    </message>
    <message>
        <source>the key {key}</source>
        <translation>ключ {key}</translation>
    </message>
    <message>
        <source>item {number}: {problem}</source>
        <translation>элемент {number}: {problem}</translation>
    </message>
    <message>
        <source>{what} holds {problem}</source>
        <translation>{what} содержит {problem}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a string, not {kind}</source>
        <translation>«{key}»: нужна строка, а не {kind}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a string or a list, not {kind}</source>
        <translation>«{key}»: нужна строка или список, а не {kind}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must hold strings, not {kind}</source>
        <translation>«{key}»: нужны строки, а не {kind}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list of names, not {kind}</source>
        <translation>«{key}»: нужен список имён, а не {kind}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must hold name objects, not {kind}</source>
        <translation>«{key}»: нужны объекты имён, а не {kind}</translation>
    </message>
    <message>
        <source>a name in &quot;{key}&quot;</source>
        <translation>имя в «{key}»</translation>
    </message>
    <message>
        <source>&quot;issued&quot; must be a date object, not {kind}</source>
        <translation>«issued»: нужен объект даты, а не {kind}</translation>
    </message>
    <message>
        <source>has no title (a &quot;title&quot; is needed to catalogue it)</source>
        <translation>нет заголовка (для описания нужно поле «title»)</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>не удаётся прочитать файл: {reason}</translation>
    </message>
    <message>
        <source>the entry {key}</source>
        <translation>запись {key}</translation>
    </message>
    <message>
        <source>an entry</source>
        <translation>запись</translation>
    </message>
    <message>
        <source>{where} repeats the key of the entry at line {first}</source>
        <translation>{where} повторяет ключ записи из строки {first}</translation>
    </message>
    <message>
        <source>{where} has no title</source>
        <translation>{where}: нет заголовка</translation>
    </message>
    <message>
        <source>not valid BibTeX ({reason})</source>
        <translation>недопустимый BibTeX ({reason})</translation>
    </message>
    <message>
        <source>the entry gives the field {fields} more than once</source>
        <translation>в записи поле {fields} указано больше одного раза</translation>
    </message>
    <message>
        <source>the key {key} is used by an earlier entry</source>
        <translation>ключ {key} уже занят одной из предыдущих записей</translation>
    </message>
    <message>
        <source>the entry is never closed (a &apos;}&apos; is missing, or the file is cut short)</source>
        <translation>запись не закрыта (не хватает «}» или файл обрезан)</translation>
    </message>
    <message>
        <source>not valid BibTeX: {detail}</source>
        <translation>недопустимый BibTeX: {detail}</translation>
    </message>
    <message>
        <source>not valid BibTeX</source>
        <translation>недопустимый BibTeX</translation>
    </message>
    <message>
        <source>the entry at line {at} runs past {limit} lines (is a &apos;}}&apos; missing?)</source>
        <translation>запись из строки {at} длиннее допустимого (наибольшее число строк: {limit}; возможно, не хватает «}}»)</translation>
    </message>
    <message>
        <source>no BibTeX entry in the file (no line starts with &apos;@&apos;)</source>
        <translation>в файле нет записей BibTeX (ни одна строка не начинается с «@»)</translation>
    </message>
    <message>
        <source>CSL-JSON file (a list of items)</source>
        <translation>файл CSL-JSON (список элементов)</translation>
    </message>
    <message>
        <source>item {number} repeats the id {id} of item {first}</source>
        <translation>элемент {number} повторяет идентификатор {id} элемента {first}</translation>
    </message>
    <message>
        <source>the file is empty (no header row)</source>
        <translation>файл пуст (нет строки заголовков)</translation>
    </message>
    <message>
        <source>the row has {cells} cells but the header {header}</source>
        <translation>ячеек в строке: {cells}, а в заголовке: {header}</translation>
    </message>
    <message>
        <source>the column {column} appears twice</source>
        <translation>столбец {column} встречается дважды</translation>
    </message>
    <message>
        <source>no &apos;title&apos; column in the header</source>
        <translation>в заголовке нет столбца «title»</translation>
    </message>
    <message>
        <source>record {number}: {problem}</source>
        <translation>запись {number}: {problem}</translation>
    </message>
    <message>
        <source>record {number} has no title</source>
        <translation>у записи {number} нет заголовка</translation>
    </message>
    <message>
        <source>the title is longer than {limit} characters ({count})</source>
        <translation>заголовок длиннее допустимого (символов: {count}, наибольшее число: {limit})</translation>
    </message>
    <message>
        <source>the relation {relation} is not written as type:uid</source>
        <translation>связь {relation} записана не в виде тип:uid</translation>
    </message>
    <message>
        <source>unknown relation type {kind} (known: {known})</source>
        <translation>неизвестный тип связи {kind} (известные: {known})</translation>
    </message>
    <message>
        <source>the {column} cell is not an ISO 8601 timestamp: {text}</source>
        <translation>в ячейке {column} не отметка времени ISO 8601: {text}</translation>
    </message>
    <message>
        <source>unknown text encoding {encoding}</source>
        <translation>неизвестная кодировка текста {encoding}</translation>
    </message>
    <message>
        <source>the encoding could not be determined with confidence; choose it (best guess: {encoding}; the file may mix encodings)</source>
        <translation>кодировку не удалось надёжно определить; выберите её (вероятнее всего, {encoding}; в файле могут быть смешаны кодировки)</translation>
    </message>
    <message>
        <source>Unknown column {columns} (known: {known}).</source>
        <translation>Неизвестные столбцы: {columns} (известные: {known}).</translation>
    </message>
    <message>
        <source>A column is chosen twice; name each column once.</source>
        <translation>Столбец выбран дважды; укажите каждый столбец один раз.</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>Выберите хотя бы один столбец для экспорта.</translation>
    </message>
    <message>
        <source>unknown import format {name} (known: {known})</source>
        <translation>неизвестный формат импорта {name} (известные: {known})</translation>
    </message>
    <message>
        <source>a control character (a line break, tab or NUL) inside a string, where JSON needs an escape such as \n (or a quote is missing)</source>
        <translation>управляющий символ (перевод строки, табуляция или NUL) внутри строки, где JSON требует экранирования, например \n (или не хватает кавычки)</translation>
    </message>
    <message>
        <source>duplicate key {key} in an object</source>
        <translation>повторяющийся ключ {key} в объекте</translation>
    </message>
    <message>
        <source>{name} is not a number JSON allows</source>
        <translation>{name} — не число, допустимое в JSON</translation>
    </message>
    <message>
        <source>JSON file</source>
        <translation>файл JSON</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>not a {kind} (expected &apos;{{&apos; or &apos;[&apos;)</source>
        <translation>это не {kind} (ожидалась «{{» или «[»)</translation>
    </message>
    <message>
        <source>not valid JSON: more data after the end</source>
        <translation>недопустимый JSON: после конца есть ещё данные</translation>
    </message>
    <message>
        <source>unexpected end of file</source>
        <translation>неожиданный конец файла</translation>
    </message>
    <message>
        <source>not valid JSON: {expected}</source>
        <translation>недопустимый JSON: {expected}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>файл не в кодировке UTF-8</translation>
    </message>
    <message>
        <source>expected {what}</source>
        <translation>ожидалось {what}</translation>
    </message>
    <message>
        <source>unexpected end of file (is the file cut short?)</source>
        <translation>неожиданный конец файла (возможно, файл обрезан)</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>недопустимый JSON: {reason}</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>слишком глубокая вложенность JSON</translation>
    </message>
    <message>
        <source>a value larger than {limit} MB</source>
        <translation>значение больше {limit} МБ</translation>
    </message>
    <message>
        <source>expected a key in double quotes</source>
        <translation>ожидался ключ в двойных кавычках</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a list</source>
        <translation>«{key}» должно быть списком</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>ожидалась «,» или «}»</translation>
    </message>
    <message>
        <source>no &quot;{key}&quot; list in the file</source>
        <translation>в файле нет списка «{key}»</translation>
    </message>
    <message>
        <source>not valid JSON: a &apos;,&apos; before &apos;]&apos;</source>
        <translation>недопустимый JSON: «,» перед «]»</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; after record {number}</source>
        <translation>после записи {number} ожидалась «,» или «]»</translation>
    </message>
    <message>
        <source>the format of this file is not recognised; choose the format explicitly</source>
        <translation>формат этого файла не распознан; выберите формат явно</translation>
    </message>
    <message>
        <source>record {uid}: its {column} has {count} characters and an Excel cell holds at most {limit}; export it to CSV or JSON, or leave the {column} column out</source>
        <translation>запись {uid}: в поле {column} символов: {count}, а ячейка Excel вмещает не больше {limit}; экспортируйте в CSV или JSON либо уберите столбец {column}</translation>
    </message>
    <message>
        <source>not a Catalog file (&quot;format&quot; is {format})</source>
        <translation>это не файл Catalog (значение «format»: {format})</translation>
    </message>
    <message>
        <source>not a Catalog file (no &quot;format&quot;: &quot;catalog&quot;)</source>
        <translation>это не файл Catalog (нет «&quot;format&quot;: &quot;catalog&quot;»)</translation>
    </message>
    <message>
        <source>unknown format version {version}</source>
        <translation>неизвестная версия формата {version}</translation>
    </message>
    <message>
        <source>written by a newer Catalog (format version {version}; this Catalog reads version {ours}): update Catalog to import it</source>
        <translation>записан более новой версией Catalog (версия формата {version}; эта версия Catalog читает версию {ours}): чтобы импортировать файл, обновите Catalog</translation>
    </message>
    <message>
        <source>Catalog JSON file</source>
        <translation>файл Catalog JSON</translation>
    </message>
    <message>
        <source>record {number} repeats the uid {uid} of an earlier record</source>
        <translation>запись {number} повторяет идентификатор {uid} одной из предыдущих записей</translation>
    </message>
    <message>
        <source>a NUL character</source>
        <translation>символ NUL</translation>
    </message>
    <message>
        <source>a lone surrogate</source>
        <translation>одиночный суррогат</translation>
    </message>
    <message>
        <source>{what} must be a string, not {kind}</source>
        <translation>{what}: нужна строка, а не {kind}</translation>
    </message>
    <message>
        <source>{what} is empty</source>
        <translation>{what}: пустое значение</translation>
    </message>
    <message>
        <source>{what} must be an object, not {kind}</source>
        <translation>{what}: нужен объект, а не {kind}</translation>
    </message>
    <message>
        <source>{what} must be a list of strings</source>
        <translation>{what}: нужен список строк</translation>
    </message>
    <message>
        <source>{what} must be a list, not {kind}</source>
        <translation>{what}: нужен список, а не {kind}</translation>
    </message>
    <message>
        <source>{what} is not an ISO 8601 timestamp: {value}</source>
        <translation>{what}: не отметка времени ISO 8601: {value}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <source>{what} is {value} (known: {known})</source>
        <translation>{what}: {value} (известные: {known})</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>объект</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>список</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>строка</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>record {number} is {kind}, not an object</source>
        <translation>запись {number} — {kind}, а не объект</translation>
    </message>
    <message>
        <source>date.approximate and date.uncertain must be true or false</source>
        <translation>date.approximate и date.uncertain должны быть true или false</translation>
    </message>
    <message>
        <source>no entries found: expected a date line such as &apos;December 06, 1955&apos; followed by a title</source>
        <translation>записи не найдены: ожидалась строка с датой, например «December 06, 1955», а за ней заголовок</translation>
    </message>
    <message>
        <source>not {encoding} text at line {at}</source>
        <translation>текст не в кодировке {encoding} в строке {at}</translation>
    </message>
    <message>
        <source>binary data at line {at}</source>
        <translation>двоичные данные в строке {at}</translation>
    </message>
    <message>
        <source>the finding aid has no titled description (no did/unittitle with text)</source>
        <translation>в путеводителе нет описания с заголовком (нет did/unittitle с текстом)</translation>
    </message>
    <message>
        <source>not an EAD finding aid: the root element is &lt;{root}&gt;</source>
        <translation>это не путеводитель EAD: корневой элемент — &lt;{root}&gt;</translation>
    </message>
    <message>
        <source>the finding aid has no &lt;archdesc&gt;</source>
        <translation>в путеводителе нет &lt;archdesc&gt;</translation>
    </message>
    <message>
        <source>the finding aid is larger than {limit} MB; split it</source>
        <translation>путеводитель больше {limit} МБ; разделите его</translation>
    </message>
    <message>
        <source>the XML cannot be read: {reason}</source>
        <translation>XML не удаётся прочитать: {reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text at line {at} (byte {byte})</source>
        <translation>текст не в кодировке UTF-8 в строке {at} (байт {byte})</translation>
    </message>
    <message>
        <source>the entry dated {date} has no title (expected a title line below the date)</source>
        <translation>у записи с датой {date} нет заголовка (под датой ожидалась строка заголовка)</translation>
    </message>
    <message>
        <source>it is UTF-16 text</source>
        <translation>это текст в UTF-16</translation>
    </message>
    <message>
        <source>it looks like UTF-16 text without a byte-order mark</source>
        <translation>похоже на текст в UTF-16 без метки порядка байтов</translation>
    </message>
    <message>
        <source>it looks like {encoding} text</source>
        <translation>похоже на текст в кодировке {encoding}</translation>
    </message>
    <message>
        <source>byte {byte} of the line</source>
        <translation>байт {byte} в строке</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text ({where}; {guess}); save it as UTF-8 {kind}</source>
        <translation>файл не в кодировке UTF-8 ({where}; {guess}); сохраните его как {kind} в UTF-8</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text ({details}); save it as UTF-8 {kind}</source>
        <translation>файл не в кодировке UTF-8 ({details}); сохраните его как {kind} в UTF-8</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as UTF-8 {kind}</source>
        <translation>файл не в кодировке UTF-8; сохраните его как {kind} в UTF-8</translation>
    </message>
    <message>
        <source>record {number} (TY at line {at}) has no title (no TI or T1 line)</source>
        <translation>у записи {number} (TY в строке {at}) нет заголовка (нет строки TI или T1)</translation>
    </message>
    <message>
        <source>record {number} (TY at line {at}) repeats the ID {id} of the record at line {first}</source>
        <translation>запись {number} (TY в строке {at}) повторяет ID {id} записи из строки {first}</translation>
    </message>
    <message>
        <source>the record cannot be read ({reason})</source>
        <translation>запись не удаётся прочитать ({reason})</translation>
    </message>
    <message>
        <source>the {tag} line is not inside a record (expected &apos;TY  - &apos;)</source>
        <translation>строка {tag} стоит вне записи (ожидалось «TY  - »)</translation>
    </message>
    <message>
        <source>a new record starts before the record at line {at} ended with &apos;ER  - &apos;</source>
        <translation>новая запись начинается раньше, чем запись из строки {at} закончилась строкой «ER  - »</translation>
    </message>
    <message>
        <source>the record at line {at} has more than {limit} lines</source>
        <translation>в записи из строки {at} слишком много строк (наибольшее число: {limit})</translation>
    </message>
    <message>
        <source>the record at line {at} has no &apos;ER  - &apos; end line (is the file cut short?)</source>
        <translation>у записи из строки {at} нет завершающей строки «ER  - » (возможно, файл обрезан)</translation>
    </message>
    <message>
        <source>no RIS record in the file (no line starts with &apos;TY  - &apos;)</source>
        <translation>в файле нет записей RIS (ни одна строка не начинается с «TY  - »)</translation>
    </message>
    <message>
        <source>the request had an illegal, missing or repeated argument</source>
        <translation>в запросе был недопустимый, отсутствующий или повторённый аргумент</translation>
    </message>
    <message>
        <source>the resumption token is invalid or has expired</source>
        <translation>маркер продолжения недействителен или устарел</translation>
    </message>
    <message>
        <source>the request&apos;s verb is not a legal OAI-PMH verb</source>
        <translation>глагол запроса не является допустимым глаголом OAI-PMH</translation>
    </message>
    <message>
        <source>the repository does not offer the requested metadata format</source>
        <translation>репозиторий не предоставляет запрошенный формат метаданных</translation>
    </message>
    <message>
        <source>the repository does not know the requested identifier</source>
        <translation>репозиторию неизвестен запрошенный идентификатор</translation>
    </message>
    <message>
        <source>no records match the request</source>
        <translation>запросу не соответствует ни одна запись</translation>
    </message>
    <message>
        <source>the item has no metadata formats</source>
        <translation>у элемента нет форматов метаданных</translation>
    </message>
    <message>
        <source>the repository does not support sets</source>
        <translation>репозиторий не поддерживает наборы</translation>
    </message>
    <message>
        <source>harvest with ListRecords or GetRecord and metadataPrefix=oai_dc</source>
        <translation>собирайте записи запросом ListRecords или GetRecord с metadataPrefix=oai_dc</translation>
    </message>
    <message>
        <source>record {identifier}</source>
        <translation>запись {identifier}</translation>
    </message>
    <message>
        <source>a record</source>
        <translation>запись</translation>
    </message>
    <message>
        <source>{which} has no dc:title</source>
        <translation>{which}: нет dc:title</translation>
    </message>
    <message>
        <source>{which} has a title longer than {limit} characters ({count})</source>
        <translation>{which}: заголовок длиннее допустимого (символов: {count}, наибольшее число: {limit})</translation>
    </message>
    <message>
        <source>{which} has a dc:{element} longer than {limit} characters</source>
        <translation>{which}: значение dc:{element} длиннее допустимого (наибольшее число символов: {limit})</translation>
    </message>
    <message>
        <source>the record {identifier} appears twice in the response</source>
        <translation>запись {identifier} встречается в ответе дважды</translation>
    </message>
    <message>
        <source>{which} has no metadata and is not marked deleted</source>
        <translation>{which}: нет метаданных, и запись не помечена как удалённая</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; in {namespace}</source>
        <translation>&lt;{element}&gt; в {namespace}</translation>
    </message>
    <message>
        <source>{which} holds metadata of another format ({found}), not oai_dc: {hint}</source>
        <translation>{which}: метаданные другого формата ({found}), а не oai_dc: {hint}</translation>
    </message>
    <message>
        <source>the response holds only deleted records ({count}): nothing to import</source>
        <translation>в ответе только удалённые записи (их число: {count}): импортировать нечего</translation>
    </message>
    <message>
        <source>this is an OAI-PMH {verb} response, which holds no records: {hint}</source>
        <translation>это ответ OAI-PMH на {verb}, в нём нет записей: {hint}</translation>
    </message>
    <message>
        <source>the file holds no oai_dc:dc records</source>
        <translation>в файле нет записей oai_dc:dc</translation>
    </message>
    <message>
        <source>1 deleted record skipped</source>
        <translation>пропущена 1 удалённая запись</translation>
    </message>
    <message>
        <source>{count} deleted records skipped</source>
        <translation>пропущено удалённых записей: {count}</translation>
    </message>
    <message>
        <source>{count} records have no OAI identifier: importing the response again would add them again</source>
        <translation>записей без идентификатора OAI: {count}; повторный импорт этого ответа добавит их снова</translation>
    </message>
    <message>
        <source>the response continues: resumption token {token} — harvest the next page to import the rest</source>
        <translation>у ответа есть продолжение: маркер возобновления {token} — загрузите следующую страницу, чтобы импортировать остальное</translation>
    </message>
    <message>
        <source>no explanation given</source>
        <translation>без пояснений</translation>
    </message>
    <message>
        <source>the OAI-PMH response is an error: {code}: {message}</source>
        <translation>ответ OAI-PMH — ошибка: {code}: {message}</translation>
    </message>
    <message>
        <source>the file declares XML entities, which Catalog does not read (unsafe)</source>
        <translation>в файле объявлены сущности XML, а Catalog их не читает (это небезопасно)</translation>
    </message>
    <message>
        <source>the XML is malformed: elements nested more than {depth} deep</source>
        <translation>XML повреждён: элементы вложены глубже допустимого (наибольшая глубина: {depth})</translation>
    </message>
    <message>
        <source>the XML is malformed: {reason}</source>
        <translation>XML повреждён: {reason}</translation>
    </message>
    <message>
        <source>a mapping reads only these formats: {known}</source>
        <translation>с сопоставлением читаются только форматы: {known}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>no column, key or element is named like a title (found: {columns}); choose a mapping</source>
        <translation>ни один столбец, ключ или элемент не назван как заголовок (найдены: {columns}); выберите сопоставление</translation>
    </message>
    <message>
        <source>the mapping&apos;s title column {column} is not in the file (columns: {columns})</source>
        <translation>столбца заголовка {column} из сопоставления нет в файле (столбцы: {columns})</translation>
    </message>
    <message>
        <source>columns of the mapping not in the file: {columns}</source>
        <translation>столбцы сопоставления, которых нет в файле: {columns}</translation>
    </message>
    <message>
        <source>{column}: only the first of several values is kept as the {field}</source>
        <translation>{column}: из нескольких значений в поле {field} сохранено только первое</translation>
    </message>
    <message>
        <source>record {number} has no title ({sources} empty)</source>
        <translation>у записи {number} нет заголовка (пусто: {sources})</translation>
    </message>
    <message>
        <source>{column}: NUL characters were removed</source>
        <translation>{column}: удалены символы NUL</translation>
    </message>
    <message>
        <source>{column}: invalid characters (lone surrogates) were replaced</source>
        <translation>{column}: недопустимые символы (одиночные суррогаты) заменены</translation>
    </message>
    <message>
        <source>not valid {encoding} text; choose the encoding</source>
        <translation>текст не в кодировке {encoding}; выберите кодировку</translation>
    </message>
    <message>
        <source>the header holds NUL bytes: this is not CSV text</source>
        <translation>в заголовке есть байты NUL: это не текст CSV</translation>
    </message>
    <message>
        <source>not a readable XLSX workbook ({reason})</source>
        <translation>книгу XLSX не удаётся прочитать ({reason})</translation>
    </message>
    <message>
        <source>the workbook has no sheet</source>
        <translation>в книге нет ни одного листа</translation>
    </message>
    <message>
        <source>the row has cells beyond the header&apos;s {header}</source>
        <translation>в строке есть ячейки за пределами столбцов заголовка (столбцов в заголовке: {header})</translation>
    </message>
    <message>
        <source>the first sheet is empty (no header row)</source>
        <translation>первый лист пуст (нет строки заголовков)</translation>
    </message>
    <message>
        <source>the workbook is damaged ({reason})</source>
        <translation>книга повреждена ({reason})</translation>
    </message>
    <message>
        <source>record {number} is not an object ({kind})</source>
        <translation>запись {number} — не объект ({kind})</translation>
    </message>
    <message>
        <source>a single JSON object larger than {limit} MB</source>
        <translation>единственный объект JSON больше {limit} МБ</translation>
    </message>
    <message>
        <source>the XML has no record elements under its root element</source>
        <translation>в XML под корневым элементом нет элементов записей</translation>
    </message>
    <message>
        <source>the mapping is not valid JSON: {reason}</source>
        <translation>сопоставление — недопустимый JSON: {reason}</translation>
    </message>
    <message>
        <source>cannot read the mapping: {reason}</source>
        <translation>не удаётся прочитать сопоставление: {reason}</translation>
    </message>
    <message>
        <source>the mapping is not UTF-8 text</source>
        <translation>сопоставление не в кодировке UTF-8</translation>
    </message>
    <message>
        <source>a key appears twice in an object</source>
        <translation>ключ встречается в объекте дважды</translation>
    </message>
    <message>
        <source>{name} is not allowed</source>
        <translation>{name} не допускается</translation>
    </message>
    <message>
        <source>not a usable mapping: {problem}</source>
        <translation>сопоставление непригодно: {problem}</translation>
    </message>
    <message>
        <source>the file must hold one JSON object</source>
        <translation>в файле должен быть один объект JSON</translation>
    </message>
    <message>
        <source>&quot;format&quot; must be &quot;{format}&quot;</source>
        <translation>«format» должно быть «{format}»</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number</source>
        <translation>«version» должно быть целым числом</translation>
    </message>
    <message>
        <source>written by a newer Catalog (version {version}; this one reads {ours})</source>
        <translation>записано более новой версией Catalog (версия {version}; эта версия читает {ours})</translation>
    </message>
    <message>
        <source>unknown keys {keys}</source>
        <translation>неизвестные ключи: {keys}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be text or null</source>
        <translation>«{key}» должно быть текстом или null</translation>
    </message>
    <message>
        <source>&quot;fields&quot; must be a non-empty list</source>
        <translation>«fields» должно быть непустым списком</translation>
    </message>
    <message>
        <source>&quot;empty_values&quot; must be a list of texts</source>
        <translation>«empty_values» должно быть списком текстов</translation>
    </message>
    <message>
        <source>no source is mapped to the title</source>
        <translation>заголовку не сопоставлен ни один источник</translation>
    </message>
    <message>
        <source>field {number} must be an object</source>
        <translation>поле {number} должно быть объектом</translation>
    </message>
    <message>
        <source>field {number} has unknown keys {keys}</source>
        <translation>в поле {number} неизвестные ключи: {keys}</translation>
    </message>
    <message>
        <source>field {number}: &quot;{key}&quot; must be text</source>
        <translation>поле {number}: «{key}» должно быть текстом</translation>
    </message>
    <message>
        <source>field {number}: &quot;source&quot; is empty</source>
        <translation>поле {number}: «source» пусто</translation>
    </message>
    <message>
        <source>field {number}: unknown field {field} (known: {known})</source>
        <translation>поле {number}: неизвестное поле {field} (известные: {known})</translation>
    </message>
    <message>
        <source>attached files</source>
        <translation>вложенные файлы</translation>
    </message>
    <message>
        <source>{count} attached file is missing from {folder}: {files}</source>
        <translation>{count} вложенный файл отсутствует в {folder}: {files}</translation>
    </message>
    <message>
        <source>{count} attached files are missing from {folder}: {files}</source>
        <translation>Вложенные файлы отсутствуют в {folder} (файлов: {count}): {files}</translation>
    </message>
    <message>
        <source>{count} attached file has changed since they were attached: {files}</source>
        <translation>{count} вложенный файл изменился после того, как его вложили: {files}</translation>
    </message>
    <message>
        <source>{count} attached files have changed since they were attached: {files}</source>
        <translation>Вложенные файлы изменились после того, как их вложили (файлов: {count}): {files}</translation>
    </message>
    <message>
        <source>{count} attachment points outside the attachment folder and will not be opened: {files}</source>
        <translation>{count} вложение указывает за пределы папки вложений и не будет открыто: {files}</translation>
    </message>
    <message>
        <source>{count} attachments point outside the attachment folder and will not be opened: {files}</source>
        <translation>Вложения указывают за пределы папки вложений и не будут открыты (вложений: {count}): {files}</translation>
    </message>
    <message>
        <source>Checking attached files: {done} of {total}</source>
        <translation>Проверка вложенных файлов: {done} из {total}</translation>
    </message>
    <message>
        <source>{file} (record {record})</source>
        <translation>{file} (запись {record})</translation>
    </message>
    <message>
        <source>Put the files back in the attachment folder, or attach them again</source>
        <translation>Верните файлы в папку вложений или вложите их заново</translation>
    </message>
    <message>
        <source>Attach the original files again (the catalogue keeps no second copy)</source>
        <translation>Вложите исходные файлы заново (второй копии в каталоге нет)</translation>
    </message>
    <message>
        <source>Remove these attachments and attach the files again</source>
        <translation>Удалите эти вложения и вложите файлы заново</translation>
    </message>
    <message>
        <source>{files} and {more} more</source>
        <translation>{files} и ещё {more}</translation>
    </message>
    <message>
        <source>{count} name link</source>
        <translation>{count} связь с именем</translation>
    </message>
    <message>
        <source>{count} name links</source>
        <translation>связей с именами: {count}</translation>
    </message>
    <message>
        <source>{count} language link</source>
        <translation>{count} связь с языком</translation>
    </message>
    <message>
        <source>{count} language links</source>
        <translation>связей с языками: {count}</translation>
    </message>
    <message>
        <source>{count} collection link</source>
        <translation>{count} связь с коллекцией</translation>
    </message>
    <message>
        <source>{count} collection links</source>
        <translation>связей с коллекциями: {count}</translation>
    </message>
    <message>
        <source>{count} tag link</source>
        <translation>{count} связь с меткой</translation>
    </message>
    <message>
        <source>{count} tag links</source>
        <translation>связей с метками: {count}</translation>
    </message>
    <message>
        <source>{count} relation</source>
        <translation>{count} связь между записями</translation>
    </message>
    <message>
        <source>{count} relations</source>
        <translation>связей между записями: {count}</translation>
    </message>
    <message>
        <source>{count} note</source>
        <translation>{count} заметка</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>заметок: {count}</translation>
    </message>
    <message>
        <source>{count} attachment</source>
        <translation>{count} вложение</translation>
    </message>
    <message>
        <source>{count} attachments</source>
        <translation>вложений: {count}</translation>
    </message>
    <message>
        <source>{count} name variant</source>
        <translation>{count} вариант имени</translation>
    </message>
    <message>
        <source>{count} name variants</source>
        <translation>вариантов имён: {count}</translation>
    </message>
    <message>
        <source>{count} record</source>
        <translation>{count} запись</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>записей: {count}</translation>
    </message>
    <message>
        <source>{count} {table}</source>
        <translation>{table}: {count}</translation>
    </message>
    <message>
        <source>Remove {count} orphaned link</source>
        <translation>Удалить {count} осиротевшую связь</translation>
    </message>
    <message>
        <source>Remove {count} orphaned links</source>
        <translation>Удалить осиротевшие связи: {count}</translation>
    </message>
    <message>
        <source>Clear {count} reference to missing values</source>
        <translation>Очистить {count} ссылку на отсутствующие значения</translation>
    </message>
    <message>
        <source>Clear {count} references to missing values</source>
        <translation>Очистить ссылки на отсутствующие значения: {count}</translation>
    </message>
    <message>
        <source>integrity</source>
        <translation>целостность</translation>
    </message>
    <message>
        <source>links</source>
        <translation>связи</translation>
    </message>
    <message>
        <source>Checking the file&apos;s integrity…</source>
        <translation>Проверка целостности файла…</translation>
    </message>
    <message>
        <source>{count} index entries disagree with their tables: {problems}</source>
        <translation>Элементы индексов расходятся со своими таблицами (элементов: {count}): {problems}</translation>
    </message>
    <message>
        <source>Rebuild the database&apos;s indexes</source>
        <translation>Перестроить индексы базы данных</translation>
    </message>
    <message>
        <source>Checking links between records and names…</source>
        <translation>Проверка связей между записями и именами…</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>Проверка поискового индекса…</translation>
    </message>
    <message>
        <source>Checking the search index: {done} of {total}</source>
        <translation>Проверка поискового индекса: {done} из {total}</translation>
    </message>
    <message>
        <source>{count} record is missing from it</source>
        <translation>в нём нет {count} записи</translation>
    </message>
    <message>
        <source>{count} records are missing from it</source>
        <translation>записей, которых в нём нет: {count}</translation>
    </message>
    <message>
        <source>{count} entry is for records that no longer exist</source>
        <translation>{count} элемент относится к записи, которой больше нет</translation>
    </message>
    <message>
        <source>{count} entries are for records that no longer exist</source>
        <translation>элементов для записей, которых больше нет: {count}</translation>
    </message>
    <message>
        <source>{count} record is indexed with old text</source>
        <translation>{count} запись проиндексирована со старым текстом</translation>
    </message>
    <message>
        <source>{count} records are indexed with old text</source>
        <translation>записей, проиндексированных со старым текстом: {count}</translation>
    </message>
    <message>
        <source>The search index disagrees with the records: {parts}</source>
        <translation>Поисковый индекс расходится с записями: {parts}</translation>
    </message>
    <message>
        <source>full-text index</source>
        <translation>полнотекстовый индекс</translation>
    </message>
    <message>
        <source>Rebuild the search index</source>
        <translation>Перестроить поисковый индекс</translation>
    </message>
    <message>
        <source>The catalogue file is damaged: {problems} (and {more} more)</source>
        <translation>Файл каталога повреждён: {problems} (и ещё {more})</translation>
    </message>
    <message>
        <source>The catalogue file is damaged: {problems}</source>
        <translation>Файл каталога повреждён: {problems}</translation>
    </message>
    <message>
        <source>Restore the server&apos;s latest dump (pg_restore); ask the server&apos;s administrator.</source>
        <translation>Восстановите последний дамп сервера (pg_restore); обратитесь к администратору сервера.</translation>
    </message>
    <message>
        <source>Restore from a backup (none was found in {folder}); meanwhile export what can still be read</source>
        <translation>Восстановите каталог из резервной копии (в {folder} её нет); а пока экспортируйте то, что ещё читается</translation>
    </message>
    <message>
        <source>Restore from the backup of {taken} (quit Catalog, then run: catalog restore)</source>
        <translation>Восстановите резервную копию от {taken} (закройте Catalog и выполните: catalog restore)</translation>
    </message>
    <message>
        <source>{count} links point at a record or name that is gone ({kinds})</source>
        <translation>Связей, ведущих к исчезнувшей записи или имени: {count} ({kinds})</translation>
    </message>
    <message>
        <source>{count} record refers to a document type or archive that is gone</source>
        <translation>{count} запись ссылается на исчезнувший тип документа или архив</translation>
    </message>
    <message>
        <source>{count} records refer to a document type or archive that is gone</source>
        <translation>Записей, ссылающихся на исчезнувший тип документа или архив: {count}</translation>
    </message>
    <message>
        <source>{count} rows point at missing rows ({tables})</source>
        <translation>Строк, ссылающихся на отсутствующие строки: {count} ({tables})</translation>
    </message>
    <message>
        <source>Restore from the newest backup (catalog restore)</source>
        <translation>Восстановите каталог из новейшей резервной копии (catalog restore)</translation>
    </message>
    <message>
        <source>foreign keys</source>
        <translation>внешние ключи</translation>
    </message>
    <message>
        <source>Rebuilt the database&apos;s indexes</source>
        <translation>Индексы базы данных перестроены</translation>
    </message>
    <message>
        <source>Rebuilt the search index ({count} records)</source>
        <translation>Поисковый индекс перестроен (записей: {count})</translation>
    </message>
    <message>
        <source>Rebuilding the database&apos;s indexes…</source>
        <translation>Перестройка индексов базы данных…</translation>
    </message>
    <message>
        <source>Removing orphaned links…</source>
        <translation>Удаление осиротевших связей…</translation>
    </message>
    <message>
        <source>Clearing references to missing values…</source>
        <translation>Очистка ссылок на отсутствующие значения…</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>Перестройка поискового индекса…</translation>
    </message>
    <message>
        <source>Removed {count} orphaned link</source>
        <translation>Удалена {count} осиротевшая связь</translation>
    </message>
    <message>
        <source>Removed {count} orphaned links</source>
        <translation>Удалено осиротевших связей: {count}</translation>
    </message>
    <message>
        <source>Cleared {count} reference</source>
        <translation>Очищена {count} ссылка</translation>
    </message>
    <message>
        <source>Cleared {count} references</source>
        <translation>Очищено ссылок: {count}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>Reading the selected records…</source>
        <translation>Чтение выбранных записей…</translation>
    </message>
    <message>
        <source>Read the selected records.</source>
        <translation>Выбранные записи прочитаны.</translation>
    </message>
    <message>
        <source>Changing {count} records…</source>
        <translation>Изменение записей: {count}…</translation>
    </message>
    <message>
        <source>Writing {count} records…</source>
        <translation>Сохранение записей: {count}…</translation>
    </message>
    <message>
        <source>the process reading the file stopped unexpectedly</source>
        <translation>процесс, читавший файл, неожиданно остановился</translation>
    </message>
    <message>
        <source>line {line}: relation &apos;{relation}&apos; points at unknown record {uid}; left out</source>
        <translation>строка {line}: связь «{relation}» указывает на неизвестную запись {uid}; пропущена</translation>
    </message>
    <message>
        <source>relation &apos;{relation}&apos; points at unknown record {uid}; left out</source>
        <translation>связь «{relation}» указывает на неизвестную запись {uid}; пропущена</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <source>the records&apos; notes</source>
        <translation>заметки к записям</translation>
    </message>
    <message>
        <source>&amp;Relations</source>
        <translation>&amp;Связи</translation>
    </message>
    <message>
        <source>the links between records</source>
        <translation>связи между записями</translation>
    </message>
    <message>
        <source>&amp;Variant names</source>
        <translation>&amp;Варианты имён</translation>
    </message>
    <message>
        <source>every spelling of each linked name</source>
        <translation>все написания каждого связанного имени</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Экспорт записей</translation>
    </message>
    <message>
        <source>Choose the format, the records, what to include and the file to write</source>
        <translation>Выберите формат, записи, что включить и файл для записи</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>The kind of file to write</source>
        <translation>Тип создаваемого файла</translation>
    </message>
    <message>
        <source>Start with a byte-order &amp;mark (for older Excel)</source>
        <translation>Начать с &amp;метки порядка байтов (для старых версий Excel)</translation>
    </message>
    <message>
        <source>Older versions of Excel need it to read accented letters correctly</source>
        <translation>Без неё старые версии Excel неправильно читают буквы с диакритикой и кириллицу</translation>
    </message>
    <message>
        <source>&amp;Show the file when the export is done</source>
        <translation>&amp;Показать файл по завершении экспорта</translation>
    </message>
    <message>
        <source>Open the folder holding the exported file once it is written</source>
        <translation>Открыть папку с файлом экспорта, когда он будет записан</translation>
    </message>
    <message>
        <source>File to export to</source>
        <translation>Файл для экспорта</translation>
    </message>
    <message>
        <source>The path of the file to write; Browse picks it in a file dialog</source>
        <translation>Путь к создаваемому файлу; кнопка «Обзор» позволяет выбрать его в диалоге</translation>
    </message>
    <message>
        <source>Problem with the export</source>
        <translation>Проблема с экспортом</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>Write the chosen records to the file</source>
        <translation>Записать выбранные записи в файл</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>Закрыть без экспорта</translation>
    </message>
    <message>
        <source>Selected records ({0})</source>
        <translation>Выделенные записи ({0})</translation>
    </message>
    <message>
        <source>Export the records selected in the list</source>
        <translation>Экспортировать записи, выделенные в списке</translation>
    </message>
    <message>
        <source>Current search results ({0})</source>
        <translation>Результаты текущего поиска ({0})</translation>
    </message>
    <message>
        <source>Export every record the current search finds</source>
        <translation>Экспортировать все записи, найденные текущим поиском</translation>
    </message>
    <message>
        <source>Whole catalogue ({0})</source>
        <translation>Весь каталог ({0})</translation>
    </message>
    <message>
        <source>Export every record in the catalogue</source>
        <translation>Экспортировать все записи каталога</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Choose the file to export to in a file dialog</source>
        <translation>Выбрать файл для экспорта в диалоге выбора файла</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Записи:</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>Включить:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Столбцы:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Ф&amp;айл:</translation>
    </message>
    <message>
        <source>Include {0}</source>
        <translation>Включить {0}</translation>
    </message>
    <message>
        <source>{0} cannot hold {1}</source>
        <translation>Формат {0} не может содержать {1}</translation>
    </message>
    <message>
        <source>Tick at least one column to export.</source>
        <translation>Отметьте хотя бы один столбец для экспорта.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Экспортировать в</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Выберите файл для экспорта.</translation>
    </message>
    <message>
        <source>{0} is a folder; add a file name.</source>
        <translation>{0} — это папка; добавьте имя файла.</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>Папка {0} не существует.</translation>
    </message>
    <message>
        <source>{0} already exists. Press Export again to replace it.</source>
        <translation>Файл {0} уже существует. Нажмите «Экспортировать» ещё раз, чтобы заменить его.</translation>
    </message>
</context>
<context>
    <name>FacetGestures</name>
    <message>
        <source>Click or Enter to include; Alt+click, Shift+Enter or the menu to exclude.</source>
        <translation>Щелчок или Enter — включить; Alt+щелчок, Shift+Enter или контекстное меню — исключить.</translation>
    </message>
</context>
<context>
    <name>FacetItems</name>
    <message>
        <source>Show all…</source>
        <translation>Показать все…</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Decade</source>
        <translation>Десятилетие</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Original archive</source>
        <translation>Архив оригинала</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Коллекция</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Has</source>
        <translation>Содержит</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>{0}s</source>
        <extracomment>A decade: {0} is its first year, as in &quot;1950s&quot;.</extracomment>
        <translation>{0}-е</translation>
    </message>
</context>
<context>
    <name>FacetTreeModel</name>
    <message numerus="yes">
        <source>{0}, {1} records</source>
        <translation>
            <numerusform>{0}, {1} запись</numerusform>
            <numerusform>{0}, {1} записи</numerusform>
            <numerusform>{0}, {1} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}, {1} record</source>
        <translation>
            <numerusform>{0}, {1} запись</numerusform>
            <numerusform>{0}, {1} записи</numerusform>
            <numerusform>{0}, {1} записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Facet</source>
        <translation>Фасет</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Every value of this facet, with a filter box</source>
        <translation>Все значения этого фасета, с полем фильтра</translation>
    </message>
    <message>
        <source>Click or Enter to fold or unfold</source>
        <translation>Щелчок или Enter — свернуть или развернуть</translation>
    </message>
    <message>
        <source>{0} is in the search</source>
        <translation>{0} входит в поиск</translation>
    </message>
    <message>
        <source>-{0} is in the search: excluded</source>
        <translation>-{0} входит в поиск: исключено</translation>
    </message>
    <message>
        <source>Add {0} to the search</source>
        <translation>Добавить {0} в поиск</translation>
    </message>
</context>
<context>
    <name>FacetValuesModel</name>
    <message numerus="yes">
        <source>{0}, {1} records</source>
        <translation>
            <numerusform>{0}, {1} запись</numerusform>
            <numerusform>{0}, {1} записи</numerusform>
            <numerusform>{0}, {1} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}, {1} record</source>
        <translation>
            <numerusform>{0}, {1} запись</numerusform>
            <numerusform>{0}, {1} записи</numerusform>
            <numerusform>{0}, {1} записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
</context>
<context>
    <name>FilePickers</name>
    <message>
        <source>Catalogue files ({0})</source>
        <translation>Файлы каталога ({0})</translation>
    </message>
    <message>
        <source>All files ({0})</source>
        <translation>Все файлы ({0})</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Импорт записей</translation>
    </message>
</context>
<context>
    <name>FilterSidebar</name>
    <message>
        <source>Counting values… (preparing the search index for this large catalogue)</source>
        <translation>Подсчёт значений… (подготовка поискового индекса для этого большого каталога)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Сохранить поиск</translation>
    </message>
    <message>
        <source>Save the query under a name, to run it again from the list ({0})</source>
        <translation>Сохранить запрос под именем, чтобы повторять его из списка ({0})</translation>
    </message>
    <message>
        <source>Save this search under a name ({0})</source>
        <translation>Сохранить этот поиск под именем ({0})</translation>
    </message>
    <message>
        <source>Facets</source>
        <translation>Фасеты</translation>
    </message>
    <message>
        <source>No facets for this result.</source>
        <translation>Для этого результата нет фасетов.</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>BibTeX</source>
        <translation>BibTeX</translation>
    </message>
    <message>
        <source>CSL-JSON (Zotero, citation tools)</source>
        <translation>CSL-JSON (Zotero, программы цитирования)</translation>
    </message>
    <message>
        <source>CSL-JSON (Zotero)</source>
        <translation>CSL-JSON (Zotero)</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (электронная таблица)</translation>
    </message>
    <message>
        <source>Dublin Core (oai_dc XML)</source>
        <translation>Dublin Core (XML oai_dc)</translation>
    </message>
    <message>
        <source>OAI-PMH ListRecords (Dublin Core)</source>
        <translation>OAI-PMH ListRecords (Dublin Core)</translation>
    </message>
    <message>
        <source>Dublin Core / OAI-PMH (XML)</source>
        <translation>Dublin Core / OAI-PMH (XML)</translation>
    </message>
    <message>
        <source>EAD finding aid (EAD3 or EAD 2002)</source>
        <translation>Опись EAD (EAD3 или EAD 2002)</translation>
    </message>
    <message>
        <source>EAD3 finding aid (XML)</source>
        <translation>Опись EAD3 (XML)</translation>
    </message>
    <message>
        <source>HTML report (printable)</source>
        <translation>Отчёт HTML (для печати)</translation>
    </message>
    <message>
        <source>Digital-archive listing (text)</source>
        <translation>Список из цифрового архива (текст)</translation>
    </message>
    <message>
        <source>CSV from another system (mapped columns)</source>
        <translation>CSV из другой системы (сопоставление столбцов)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX, mapped columns)</source>
        <translation>Книга Excel (XLSX, сопоставление столбцов)</translation>
    </message>
    <message>
        <source>JSON from another system (mapped keys)</source>
        <translation>JSON из другой системы (сопоставление ключей)</translation>
    </message>
    <message>
        <source>XML from another system (one element per record)</source>
        <translation>XML из другой системы (один элемент на запись)</translation>
    </message>
    <message>
        <source>Catalog JSON (native, lossless)</source>
        <translation>Catalog JSON (собственный, без потерь)</translation>
    </message>
    <message>
        <source>RIS (reference managers)</source>
        <translation>RIS (менеджеры ссылок)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Книга Excel (XLSX)</translation>
    </message>
    <message>
        <source>PDF report (printable)</source>
        <translation>Отчёт PDF (для печати)</translation>
    </message>
</context>
<context>
    <name>GoToRecordDialog</name>
    <message>
        <source>Type a record number, such as 123 or #123.</source>
        <translation>Введите номер записи, например 123 или #123.</translation>
    </message>
    <message>
        <source>Go to record</source>
        <translation>Перейти к записи</translation>
    </message>
    <message>
        <source>Open a record by its number.</source>
        <translation>Открыть запись по её номеру.</translation>
    </message>
    <message>
        <source>&amp;Record number:</source>
        <translation>&amp;Номер записи:</translation>
    </message>
    <message>
        <source>123 or #123</source>
        <translation>123 или #123</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Номер записи</translation>
    </message>
    <message>
        <source>Problem with the record number</source>
        <translation>Проблема с номером записи</translation>
    </message>
    <message>
        <source>Says why the number typed cannot be used.</source>
        <translation>Объясняет, почему введённый номер не подходит.</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Перейти</translation>
    </message>
    <message>
        <source>Show the record with this number.</source>
        <translation>Показать запись с этим номером.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close without going anywhere.</source>
        <translation>Закрыть, никуда не переходя.</translation>
    </message>
</context>
<context>
    <name>HelpCommands</name>
    <message>
        <source>The user guide is not installed with this copy of Catalog. It is docs/user-guide.md in Catalog&apos;s source.</source>
        <translation>Руководство пользователя не установлено с этой копией Catalog. Оно находится в файле docs/user-guide.md исходного кода Catalog.</translation>
    </message>
    <message>
        <source>Your notes and changes are now signed “{0}”.</source>
        <translation>Теперь ваши заметки и изменения подписаны «{0}».</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import records</source>
        <translation>Импорт записей</translation>
    </message>
    <message>
        <source>S&amp;kip This File</source>
        <translation>Пропус&amp;тить этот файл</translation>
    </message>
    <message>
        <source>Leave this file out and go on to the next one</source>
        <translation>Не импортировать этот файл и перейти к следующему</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close the dialog; files not imported yet are left out</source>
        <translation>Закрыть окно; ещё не импортированные файлы не будут импортированы</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>Import this file as checked, with the duplicates handled as chosen</source>
        <translation>Импортировать этот файл в проверенном виде, поступив с дубликатами так, как выбрано</translation>
    </message>
    <message>
        <source>(file {n} of {total})</source>
        <translation>(файл {n} из {total})</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Проверка файла {file}…</translation>
    </message>
    <message>
        <source>Checking was cancelled; choose a format to check again.</source>
        <translation>Проверка отменена; выберите формат, чтобы проверить файл снова.</translation>
    </message>
    <message>
        <source>{error}
Choose the format of the file above.</source>
        <translation>{error}
Выберите формат файла выше.</translation>
    </message>
    <message>
        <source>The file could not be checked.</source>
        <translation>Не удалось проверить файл.</translation>
    </message>
    <message>
        <source>checking the file</source>
        <translation>проверку файла</translation>
    </message>
    <message>
        <source>Checking {file}</source>
        <translation>Проверка файла {file}</translation>
    </message>
    <message>
        <source>Nothing from {file} was written.</source>
        <translation>Из файла {file} ничего не записано.</translation>
    </message>
    <message>
        <source>The import was cancelled. {nothing}</source>
        <translation>Импорт отменён. {nothing}</translation>
    </message>
    <message>
        <source>The file was checked again: review it and import again.</source>
        <translation>Файл проверен заново: просмотрите результат и импортируйте его ещё раз.</translation>
    </message>
    <message>
        <source>the import</source>
        <translation>импорт</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>Импорт файла {file}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the import dialog</source>
        <translation>Закрыть окно импорта</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>{added} added, {updated} updated, {skipped} skipped</source>
        <translation>добавлено: {added}, обновлено: {updated}, пропущено: {skipped}</translation>
    </message>
    <message>
        <source>line {n}</source>
        <translation>строка {n}</translation>
    </message>
</context>
<context>
    <name>ImportWording</name>
    <message>
        <source>Import of {0} cancelled; nothing was imported.</source>
        <translation>Импорт отменён ({0}); ничего не импортировано.</translation>
    </message>
    <message numerus="yes">
        <source>Imported {0} record from {1}</source>
        <translation>
            <numerusform>Импортирована {0} запись из {1}</numerusform>
            <numerusform>Импортированы {0} записи из {1}</numerusform>
            <numerusform>Импортировано {0} записей из {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {0} records from {1}</source>
        <translation>
            <numerusform>Импортирована {0} запись из {1}</numerusform>
            <numerusform>Импортированы {0} записи из {1}</numerusform>
            <numerusform>Импортировано {0} записей из {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {0} record from {1} files</source>
        <translation>
            <numerusform>Импортирована {0} запись (файлов: {1})</numerusform>
            <numerusform>Импортированы {0} записи (файлов: {1})</numerusform>
            <numerusform>Импортировано {0} записей (файлов: {1})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {0} records from {1} files</source>
        <translation>
            <numerusform>Импортирована {0} запись (файлов: {1})</numerusform>
            <numerusform>Импортированы {0} записи (файлов: {1})</numerusform>
            <numerusform>Импортировано {0} записей (файлов: {1})</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Ничего не импортировано</translation>
    </message>
    <message numerus="yes">
        <source>{0} warning</source>
        <translation>
            <numerusform>{0} предупреждение</numerusform>
            <numerusform>{0} предупреждения</numerusform>
            <numerusform>{0} предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} warnings</source>
        <translation>
            <numerusform>{0} предупреждение</numerusform>
            <numerusform>{0} предупреждения</numerusform>
            <numerusform>{0} предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} file(s) could not be imported</source>
        <translation>
            <numerusform>{0} файл не удалось импортировать</numerusform>
            <numerusform>{0} файла не удалось импортировать</numerusform>
            <numerusform>{0} файлов не удалось импортировать</numerusform>
        </translation>
    </message>
    <message>
        <source>import of {0} cancelled, nothing of it kept</source>
        <translation>импорт отменён ({0}), из этого ничего не сохранено</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The progress of a long job; Cancel or Escape stops it.</source>
        <translation>Ход длительной операции; кнопка «Отмена» или клавиша Esc прерывает её.</translation>
    </message>
    <message>
        <source>Progress of {0}</source>
        <translation>Ход операции: {0}</translation>
    </message>
    <message>
        <source>How much of the job is done.</source>
        <translation>Какая часть операции выполнена.</translation>
    </message>
    <message>
        <source>Stop the job; nothing it has done so far is kept.</source>
        <translation>Прервать операцию; всё, что она успела сделать, будет отменено.</translation>
    </message>
    <message numerus="yes">
        <source>{0} record so far…</source>
        <translation>
            <numerusform>Обработана {0} запись…</numerusform>
            <numerusform>Обработано {0} записи…</numerusform>
            <numerusform>Обработано {0} записей…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} records so far…</source>
        <translation>
            <numerusform>Обработана {0} запись…</numerusform>
            <numerusform>Обработано {0} записи…</numerusform>
            <numerusform>Обработано {0} записей…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling… nothing will be kept.</source>
        <translation>Отмена… ничего не будет сохранено.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>Offline: reconnecting to the team catalogue…</source>
        <translation>Нет связи: повторное подключение к общему каталогу…</translation>
    </message>
    <message>
        <source>Connected to the team catalogue again.</source>
        <translation>Подключение к общему каталогу восстановлено.</translation>
    </message>
    <message>
        <source>The connection to the team catalogue was lost ({0}); reconnecting…</source>
        <translation>Соединение с общим каталогом потеряно ({0}); повторное подключение…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No records match this search. Press Esc to clear it.</source>
        <translation>Ни одна запись не соответствует этому поиску. Нажмите Esc, чтобы сбросить его.</translation>
    </message>
    <message>
        <source>showing the record</source>
        <translation>показ записи</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние каталоги</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Пере&amp;ход</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>С&amp;ервис</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>listing the values</source>
        <translation>получение списка значений</translation>
    </message>
</context>
<context>
    <name>MappingFiles</name>
    <message>
        <source>Column mappings</source>
        <translation>Сопоставления столбцов</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Все файлы</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>Загрузить сопоставление</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Сохранить сопоставление</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 с BOM</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Windows Western (cp1252)</source>
        <translation>Windows, западноевропейская (cp1252)</translation>
    </message>
    <message>
        <source>Windows Cyrillic (cp1251)</source>
        <translation>Windows, кириллица (cp1251)</translation>
    </message>
    <message>
        <source>Windows Central European (cp1250)</source>
        <translation>Windows, центральноевропейская (cp1250)</translation>
    </message>
    <message>
        <source>KOI8-R (Cyrillic)</source>
        <translation>KOI8-R (кириллица)</translation>
    </message>
    <message>
        <source>ISO 8859-1 (Latin-1)</source>
        <translation>ISO 8859-1 (Latin-1)</translation>
    </message>
    <message>
        <source>ISO 8859-15 (Latin-9)</source>
        <translation>ISO 8859-15 (Latin-9)</translation>
    </message>
    <message>
        <source>Mac Roman</source>
        <translation>Mac Roman</translation>
    </message>
    <message>
        <source>Mapping: what each column of the file becomes</source>
        <translation>Сопоставление: чем становится каждый столбец файла</translation>
    </message>
    <message>
        <source>Mapping preset</source>
        <translation>Шаблон сопоставления</translation>
    </message>
    <message>
        <source>Start the mapping from the column names or from a known template</source>
        <translation>Построить сопоставление по названиям столбцов или по известному шаблону</translation>
    </message>
    <message>
        <source>Automatic (from the names)</source>
        <translation>Автоматически (по названиям)</translation>
    </message>
    <message>
        <source>AtoM ISAD(G) CSV</source>
        <translation>AtoM ISAD(G) CSV</translation>
    </message>
    <message>
        <source>&amp;Load Mapping…</source>
        <translation>&amp;Загрузить сопоставление…</translation>
    </message>
    <message>
        <source>Use a mapping saved earlier to a file</source>
        <translation>Использовать сопоставление, ранее сохранённое в файл</translation>
    </message>
    <message>
        <source>Sa&amp;ve Mapping…</source>
        <translation>&amp;Сохранить сопоставление…</translation>
    </message>
    <message>
        <source>Save this mapping to a file to use it again</source>
        <translation>Сохранить это сопоставление в файл, чтобы использовать его снова</translation>
    </message>
    <message>
        <source>Text encoding of the file</source>
        <translation>Кодировка текста файла</translation>
    </message>
    <message>
        <source>How the characters of the CSV file are encoded; check the names read correctly</source>
        <translation>Как закодированы символы файла CSV; проверьте, что названия читаются правильно</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <source>Element holding one record</source>
        <translation>Элемент, содержащий одну запись</translation>
    </message>
    <message>
        <source>The XML element that holds each record; press Enter to check the file again</source>
        <translation>Элемент XML, содержащий каждую запись; нажмите Enter, чтобы проверить файл снова</translation>
    </message>
    <message>
        <source>&amp;Record element:</source>
        <translation>&amp;Элемент записи:</translation>
    </message>
    <message>
        <source>Pre&amp;set:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>Catalog cannot tell the text encoding of this file for sure (best guess: {guess}). Choose the encoding above; check that the names read correctly.</source>
        <translation>Catalog не может точно определить кодировку текста этого файла (наиболее вероятная: {guess}). Выберите кодировку выше и проверьте, что названия читаются правильно.</translation>
    </message>
    <message>
        <source>Map a column to the Title to import this file.</source>
        <translation>Чтобы импортировать этот файл, сопоставьте какой-либо столбец с полем «Заголовок».</translation>
    </message>
    <message>
        <source>The mapping could not be saved: {error}</source>
        <translation>Не удалось сохранить сопоставление: {error}</translation>
    </message>
    <message>
        <source>Mapping saved to {file}.</source>
        <translation>Сопоставление сохранено в файл {file}.</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Архивный шифр</translation>
    </message>
    <message>
        <source>Identifier (recognises re-imports)</source>
        <translation>Идентификатор (распознаёт повторный импорт)</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Коллекции</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Адресаты</translation>
    </message>
    <message>
        <source>People mentioned</source>
        <translation>Упомянутые лица</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Part of (the parent&apos;s identifier)</source>
        <translation>Входит в (идентификатор родительской записи)</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Сопоставление столбцов</translation>
    </message>
    <message>
        <source>One row per column of the file: the Catalog field it fills and, for list fields, the separator between values</source>
        <translation>По строке на каждый столбец файла: поле Catalog, которое он заполняет, и, для полей-списков, разделитель значений</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>В файле</translation>
    </message>
    <message>
        <source>Catalog field</source>
        <translation>Поле Catalog</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Разделитель</translation>
    </message>
    <message>
        <source>Catalog field for {source}</source>
        <translation>Поле Catalog для {source}</translation>
    </message>
    <message>
        <source>The Catalog field this column fills, or (ignore) to leave it out</source>
        <translation>Поле Catalog, которое заполняет этот столбец, или «(пропустить)», чтобы не импортировать его</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(пропустить)</translation>
    </message>
    <message>
        <source>Separator of the values in {source}</source>
        <translation>Разделитель значений в {source}</translation>
    </message>
    <message>
        <source>Splits a cell into several values (list fields only)</source>
        <translation>Делит ячейку на несколько значений (только для полей-списков)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge into…</source>
        <translation>Объединить с…</translation>
    </message>
    <message>
        <source>Merge names</source>
        <translation>Объединение имён</translation>
    </message>
    <message>
        <source>Find the name to keep</source>
        <translation>Найти имя, которое останется</translation>
    </message>
    <message>
        <source>List only the names with a form containing the text typed</source>
        <translation>Показывать только имена, в одной из форм которых есть введённый текст</translation>
    </message>
    <message>
        <source>Type any form of the name</source>
        <translation>Введите любую форму имени</translation>
    </message>
    <message>
        <source>Names to merge into</source>
        <translation>Имена, с которыми можно объединить</translation>
    </message>
    <message>
        <source>Select the name to keep; Enter or a double click merges into it</source>
        <translation>Выберите имя, которое останется; Enter или двойной щелчок объединяет с ним</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Объединить</translation>
    </message>
    <message>
        <source>Merge into the name selected in the list</source>
        <translation>Объединить с выбранным в списке именем</translation>
    </message>
    <message>
        <source>“{0}” and its records will be merged into the name chosen here.</source>
        <translation>«{0}» и его записи будут объединены с выбранным здесь именем.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Закрыть это сообщение</translation>
    </message>
    <message>
        <source>Show or hide the details</source>
        <translation>Показать или скрыть подробности</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Everything the message says, in full</source>
        <translation>Полный текст сообщения</translation>
    </message>
    <message>
        <source>Catalog could not finish {0}.</source>
        <translation>Программе Catalog не удалось завершить {0}.</translation>
    </message>
    <message>
        <source>Catalog hit an unexpected problem.</source>
        <translation>В программе Catalog возникла непредвиденная проблема.</translation>
    </message>
    <message>
        <source>The log file {0} holds the details too.</source>
        <translation>Подробности есть также в файле журнала {0}.</translation>
    </message>
    <message>
        <source>Your catalogue is unchanged by the step that failed, and you can carry on working. Please report this problem with the details below.</source>
        <translation>Неудавшийся шаг не изменил ваш каталог, и вы можете продолжать работу. Пожалуйста, сообщите об этой проблеме, приложив подробности ниже.</translation>
    </message>
    <message>
        <source>Copy the details to the clipboard, to paste into a bug report</source>
        <translation>Скопировать подробности в буфер обмена, чтобы вставить их в сообщение об ошибке</translation>
    </message>
    <message>
        <source>About Catalog</source>
        <translation>О программе Catalog</translation>
    </message>
    <message>
        <source>A desktop catalogue for archival documents: partial and uncertain dates, name authorities and full-text search.</source>
        <translation>Настольный каталог архивных документов: неполные и неточные даты, нормативные записи имён и полнотекстовый поиск.</translation>
    </message>
    <message>
        <source>This catalogue: {0}</source>
        <translation>Этот каталог: {0}</translation>
    </message>
    <message>
        <source>Licensed under the GNU GPL, version 3 or later.</source>
        <translation>Распространяется на условиях GNU GPL версии 3 или более поздней.</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Use the name typed</source>
        <translation>Использовать введённое имя</translation>
    </message>
</context>
<context>
    <name>NamesField</name>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Упомянут</translation>
    </message>
    <message>
        <source>author</source>
        <translation>автор</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>адресат</translation>
    </message>
    <message>
        <source>mentioned</source>
        <translation>упомянут</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>тема</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>архив</translation>
    </message>
    <message>
        <source>person</source>
        <translation>лицо</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>repository</source>
        <translation>архив</translation>
    </message>
    <message>
        <source>Type a name; pick one or add it as new</source>
        <translation>Введите имя; выберите из списка или добавьте как новое</translation>
    </message>
    <message>
        <source>Type a name and press Enter: a known name is linked, a new one is added</source>
        <translation>Введите имя и нажмите Enter: известное имя будет связано, новое — добавлено</translation>
    </message>
    <message>
        <source>Role of {0}</source>
        <translation>Роль: {0}</translation>
    </message>
    <message>
        <source>The role in the record of the name added</source>
        <translation>Роль добавляемого имени в записи</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add to {0}</source>
        <translation>Добавить в «{0}»</translation>
    </message>
    <message>
        <source>Link the name typed to the record</source>
        <translation>Связать введённое имя с записью</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove from {0}</source>
        <translation>Удалить из «{0}»</translation>
    </message>
    <message>
        <source>Unlink the names selected in the list</source>
        <translation>Отвязать выбранные в списке имена</translation>
    </message>
    <message>
        <source>{0} linked</source>
        <translation>{0}: связанные</translation>
    </message>
    <message>
        <source>The names of this kind linked to the record</source>
        <translation>Имена этого вида, связанные с записью</translation>
    </message>
    <message>
        <source>{0} (new)</source>
        <translation>{0} (новое)</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Edit note</source>
        <translation>Изменение заметки</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Новая заметка</translation>
    </message>
    <message>
        <source>The text of a note on the record on show.</source>
        <translation>Текст заметки к показанной записи.</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Заметка:</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Текст заметки</translation>
    </message>
    <message>
        <source>What the note says; it is signed with your name and the time.</source>
        <translation>Содержание заметки; она подписывается вашим именем и временем.</translation>
    </message>
    <message>
        <source>Problem with the note</source>
        <translation>Проблема с заметкой</translation>
    </message>
    <message>
        <source>Says why the note cannot be saved.</source>
        <translation>Объясняет, почему заметку нельзя сохранить.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the note to the record.</source>
        <translation>Сохранить заметку к записи.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close without saving.</source>
        <translation>Закрыть без сохранения.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Заметка не может быть пустой.</translation>
    </message>
</context>
<context>
    <name>NoteEditing</name>
    <message>
        <source>The note was not saved</source>
        <translation>Заметка не сохранена</translation>
    </message>
    <message>
        <source>The note was not deleted</source>
        <translation>Заметка не удалена</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>the sample records</source>
        <translation>образцы записей</translation>
    </message>
    <message>
        <source>Loading the sample records</source>
        <translation>Загрузка образцов записей</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Некоторые файлы не импортированы</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <source>{0}

Nothing from these files was written.</source>
        <translation>{0}

Ничего из этих файлов не записано.</translation>
    </message>
    <message>
        <source>Import finished with warnings</source>
        <translation>Импорт завершён с предупреждениями</translation>
    </message>
    <message>
        <source>The records were imported; see the details for what to check.</source>
        <translation>Записи импортированы; что стоит проверить, смотрите в подробностях.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Импорт отменён; ничего не импортировано.</translation>
    </message>
    <message>
        <source>Import failed; nothing was imported.</source>
        <translation>Импорт не удался; ничего не импортировано.</translation>
    </message>
    <message>
        <source>the import</source>
        <translation>импорт</translation>
    </message>
    <message>
        <source>Updating the sort order of titles and names</source>
        <translation>Обновление порядка сортировки названий и имён</translation>
    </message>
    <message>
        <source>Titles and names now sort in the new order.</source>
        <translation>Названия и имена теперь сортируются в новом порядке.</translation>
    </message>
    <message>
        <source>The sort order was not updated; it will be at the next start.</source>
        <translation>Порядок сортировки не обновлён; это будет сделано при следующем запуске.</translation>
    </message>
    <message>
        <source>The sort order was not updated</source>
        <translation>Порядок сортировки не обновлён</translation>
    </message>
    <message>
        <source>updating the sort order</source>
        <translation>обновление порядка сортировки</translation>
    </message>
    <message>
        <source>The sort order was not changed</source>
        <translation>Порядок сортировки не изменён</translation>
    </message>
    <message>
        <source>Sorting titles and names again</source>
        <translation>Заглавия и имена сортируются заново</translation>
    </message>
    <message>
        <source>The sort order was not changed.</source>
        <translation>Порядок сортировки не изменён.</translation>
    </message>
    <message>
        <source>changing the sort order</source>
        <translation>изменение порядка сортировки</translation>
    </message>
    <message numerus="yes">
        <source>Exported {0} record to {1}.</source>
        <translation>
            <numerusform>Экспортирована {0} запись в {1}.</numerusform>
            <numerusform>Экспортированы {0} записи в {1}.</numerusform>
            <numerusform>Экспортировано {0} записей в {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported {0} records to {1}.</source>
        <translation>
            <numerusform>Экспортирована {0} запись в {1}.</numerusform>
            <numerusform>Экспортированы {0} записи в {1}.</numerusform>
            <numerusform>Экспортировано {0} записей в {1}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Экспорт отменён; файл не записан.</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>Экспорт не удался.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>the export</source>
        <translation>экспорт</translation>
    </message>
    <message>
        <source>Exporting records</source>
        <translation>Экспорт записей</translation>
    </message>
    <message>
        <source>Exported to {0} (no file manager could show it).</source>
        <translation>Экспортировано в {0} (ни один файловый менеджер не смог его показать).</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>The language takes effect the next time Catalog starts.</source>
        <translation>Язык изменится при следующем запуске Catalog.</translation>
    </message>
    <message>
        <source>The window reopens in the chosen language when you press OK.</source>
        <translation>Окно откроется заново на выбранном языке, когда вы нажмёте OK.</translation>
    </message>
    <message>
        <source>As written (October, 1959)</source>
        <translation>Как записано (October, 1959)</translation>
    </message>
    <message>
        <source>ISO 8601 (1959-10)</source>
        <translation>ISO 8601 (1959-10)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Your name, export defaults, dates, language, backups and theme</source>
        <translation>Ваше имя, параметры экспорта по умолчанию, даты, язык, резервные копии и тема</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Signs your notes and your changes in the change log</source>
        <translation>Подписывает ваши заметки и изменения в журнале изменений</translation>
    </message>
    <message>
        <source>Your documents folder</source>
        <translation>Ваша папка «Документы»</translation>
    </message>
    <message>
        <source>Default export folder</source>
        <translation>Папка экспорта по умолчанию</translation>
    </message>
    <message>
        <source>The folder an export offers first; empty for your documents folder</source>
        <translation>Папка, которую экспорт предлагает первой; если пусто — папка «Документы»</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>В&amp;ыбрать…</translation>
    </message>
    <message>
        <source>Choose the default export folder</source>
        <translation>Выбрать папку экспорта по умолчанию</translation>
    </message>
    <message>
        <source>Pick the default export folder in a folder dialog</source>
        <translation>Выбрать папку экспорта по умолчанию в диалоге выбора папки</translation>
    </message>
    <message>
        <source>Default export format</source>
        <translation>Формат экспорта по умолчанию</translation>
    </message>
    <message>
        <source>The format an export offers first</source>
        <translation>Формат, который экспорт предлагает первым</translation>
    </message>
    <message>
        <source>Dates in the list</source>
        <translation>Даты в списке</translation>
    </message>
    <message>
        <source>How the record list writes dates</source>
        <translation>Как список записей показывает даты</translation>
    </message>
    <message>
        <source>Language of the interface</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>The language of Catalog&apos;s menus and windows</source>
        <translation>Язык меню и окон Catalog</translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation>Сколько хранить автоматических резервных копий</translation>
    </message>
    <message>
        <source>How many of the newest backups of a catalogue file are kept</source>
        <translation>Сколько последних резервных копий файла каталога хранится</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Light or dark colours, or as the system has them</source>
        <translation>Светлые или тёмные цвета либо как в системе</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Keep these preferences</source>
        <translation>Применить эти параметры</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Закрыть, ничего не меняя</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Ваше имя:</translation>
    </message>
    <message>
        <source>Export &amp;folder:</source>
        <translation>&amp;Папка экспорта:</translation>
    </message>
    <message>
        <source>Export f&amp;ormat:</source>
        <translation>&amp;Формат экспорта:</translation>
    </message>
    <message>
        <source>&amp;Dates in the list:</source>
        <translation>&amp;Даты в списке:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Backups to keep:</source>
        <translation>&amp;Резервных копий хранить:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Understood as</source>
        <translation>Распознано как</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
</context>
<context>
    <name>RecentCatalogues</name>
    <message>
        <source>No recent catalogues</source>
        <translation>Нет недавних каталогов</translation>
    </message>
    <message>
        <source>Open the catalogue {0}</source>
        <translation>Открыть каталог {0}</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <source>Forget the catalogues opened lately.</source>
        <translation>Забыть недавно открытые каталоги.</translation>
    </message>
</context>
<context>
    <name>RecentList</name>
    <message>
        <source>Press Enter or double-click a catalogue to use it.</source>
        <translation>Нажмите Enter или дважды щёлкните каталог, чтобы открыть его.</translation>
    </message>
    <message>
        <source>Recent catalogues</source>
        <translation>Недавние каталоги</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>… and {0} more</source>
        <translation>… и ещё {0}</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Возможный дубликат</translation>
    </message>
    <message>
        <source>The catalogue already holds records with this date and a similar title:</source>
        <translation>В каталоге уже есть записи с этой датой и похожим заголовком:</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>Save the record although it may be a duplicate</source>
        <translation>Сохранить запись, хотя она может быть дубликатом</translation>
    </message>
    <message>
        <source>Go back to the record without saving</source>
        <translation>Вернуться к записи без сохранения</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to this record?</source>
        <translation>Сохранить изменения в этой записи?</translation>
    </message>
    <message>
        <source>Save the changes, then close</source>
        <translation>Сохранить изменения и закрыть</translation>
    </message>
    <message>
        <source>Close without saving the changes</source>
        <translation>Закрыть без сохранения изменений</translation>
    </message>
    <message>
        <source>Keep editing the record</source>
        <translation>Продолжить правку записи</translation>
    </message>
</context>
<context>
    <name>RecordEditorDialog</name>
    <message>
        <source>Record editor</source>
        <translation>Редактор записи</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <source>Save and keep editing (Ctrl+S)</source>
        <translation>Сохранить и продолжить правку (Ctrl+S)</translation>
    </message>
    <message>
        <source>Sa&amp;ve and close</source>
        <translation>Сохранить и закр&amp;ыть</translation>
    </message>
    <message>
        <source>Save and close the editor (Ctrl+Return)</source>
        <translation>Сохранить и закрыть редактор (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close; asks first if there are unsaved changes</source>
        <translation>Закрыть; при несохранённых изменениях сначала спросит</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <source>{0}[*] — Record editor</source>
        <translation>{0}[*] — Редактор записи</translation>
    </message>
    <message>
        <source>Cannot save the record</source>
        <translation>Не удаётся сохранить запись</translation>
    </message>
    <message>
        <source>The attachment “{0}” is outside the catalogue&apos;s folder {1}.</source>
        <translation>Вложение «{0}» находится вне папки каталога {1}.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>People</source>
        <translation>Лица</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>Нужен заголовок.</translation>
    </message>
    <message>
        <source>Record fields</source>
        <translation>Поля записи</translation>
    </message>
    <message>
        <source>The record&apos;s fields on four tabs: record, names, relations, attachments</source>
        <translation>Поля записи на четырёх вкладках: запись, имена, связи, вложения</translation>
    </message>
    <message>
        <source>Parts of the record</source>
        <translation>Разделы записи</translation>
    </message>
    <message>
        <source>Switch tabs with the arrow keys, Ctrl+Tab, or Alt and the underlined letter</source>
        <translation>Вкладки переключаются клавишами со стрелками, Ctrl+Tab или Alt с подчёркнутой буквой</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>The record&apos;s title; required</source>
        <translation>Заголовок записи; обязателен</translation>
    </message>
    <message>
        <source>Problem with the title</source>
        <translation>Проблема с заголовком</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <source>What the document says, in a few sentences; Tab moves to the next field</source>
        <translation>О чём говорится в документе, в нескольких предложениях; Tab переходит к следующему полю</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>The archive holding the original; completed from the archives known</source>
        <translation>Архив, где хранится оригинал; дополняется из известных архивов</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Архивный шифр</translation>
    </message>
    <message>
        <source>Where the original is found in the archive: fonds, file, folio</source>
        <translation>Где оригинал находится в архиве: фонд, дело, лист</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>The classification the document bears</source>
        <translation>Классификация, указанная на документе</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Коллекции</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>&amp;Аннотация:</translation>
    </message>
    <message>
        <source>Document &amp;type:</source>
        <translation>&amp;Тип документа:</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Языки:</translation>
    </message>
    <message>
        <source>&amp;Archive:</source>
        <translation>А&amp;рхив:</translation>
    </message>
    <message>
        <source>Source r&amp;eference:</source>
        <translation>Архивный &amp;шифр:</translation>
    </message>
    <message>
        <source>Classi&amp;fication:</source>
        <translation>&amp;Классификация:</translation>
    </message>
    <message>
        <source>&amp;Collections:</source>
        <translation>К&amp;оллекции:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>&amp;Метки:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>За&amp;головок:</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Запись</translation>
    </message>
    <message>
        <source>Title, date, summary and the other fields</source>
        <translation>Заголовок, дата, аннотация и другие поля</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>&amp;Имена</translation>
    </message>
    <message>
        <source>People, organisations, places and subjects</source>
        <translation>Лица, организации, места и темы</translation>
    </message>
    <message>
        <source>Relati&amp;ons</source>
        <translation>&amp;Связи</translation>
    </message>
    <message>
        <source>Links to other records</source>
        <translation>Связи с другими записями</translation>
    </message>
    <message>
        <source>Attac&amp;hments</source>
        <translation>&amp;Вложения</translation>
    </message>
    <message>
        <source>Files attached to the record</source>
        <translation>Файлы, вложенные в запись</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>The records the search found. Click a column header to sort by it; right-click a header to choose the columns. From the keyboard, Ctrl+Shift+H opens the columns and sorting menu.</source>
        <translation>Записи, найденные поиском. Щёлкните заголовок столбца, чтобы отсортировать по нему; щёлкните заголовок правой кнопкой, чтобы выбрать столбцы. С клавиатуры меню столбцов и сортировки открывается сочетанием Ctrl+Shift+H.</translation>
    </message>
    <message>
        <source>Columns and Sorting</source>
        <translation>Столбцы и сортировка</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>&amp;Сортировать по</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Сортировать по</translation>
    </message>
    <message>
        <source>Sort the records by a column; choose the sorting column again to reverse.</source>
        <translation>Отсортировать записи по столбцу; повторный выбор того же столбца меняет порядок на обратный.</translation>
    </message>
    <message>
        <source>Sort the records by {0}.</source>
        <translation>Отсортировать записи по столбцу «{0}».</translation>
    </message>
</context>
<context>
    <name>RecordListColumns</name>
    <message>
        <source>No date</source>
        <translation>Без даты</translation>
    </message>
    <message>
        <source>Understood as: {0}</source>
        <translation>Понято как: {0}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Лица</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Номер</translation>
    </message>
</context>
<context>
    <name>RecordListSorting</name>
    <message>
        <source>Not sorted.</source>
        <translation>Не отсортировано.</translation>
    </message>
    <message>
        <source>{0} (descending)</source>
        <translation>{0} (по убыванию)</translation>
    </message>
    <message>
        <source>{0} (ascending)</source>
        <translation>{0} (по возрастанию)</translation>
    </message>
    <message>
        <source>, then {0}</source>
        <translation>, затем {0}</translation>
    </message>
    <message>
        <source>Sorted by {0}.</source>
        <translation>Сортировка: {0}.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>(no longer in the catalogue)</source>
        <translation>(больше нет в каталоге)</translation>
    </message>
    <message>
        <source>(could not be read)</source>
        <translation>(не удалось прочитать)</translation>
    </message>
    <message>
        <source>This column cannot be sorted by.</source>
        <translation>По этому столбцу нельзя сортировать.</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Show the records matching {0}</source>
        <translation>Показать записи, соответствующие {0}</translation>
    </message>
    <message>
        <source>Show record {0}</source>
        <translation>Показать запись {0}</translation>
    </message>
    <message>
        <source>Add a note to this record</source>
        <translation>Добавить заметку к этой записи</translation>
    </message>
    <message>
        <source>Change the text of this note</source>
        <translation>Изменить текст этой заметки</translation>
    </message>
    <message>
        <source>Delete this note (asks first)</source>
        <translation>Удалить эту заметку (с подтверждением)</translation>
    </message>
    <message>
        <source>Open {0} with the system&apos;s viewer</source>
        <translation>Открыть {0} в системной программе просмотра</translation>
    </message>
    <message>
        <source>Record details</source>
        <translation>Сведения о записи</translation>
    </message>
    <message>
        <source>Every field of the record on show. Names, types, archives, collections and tags are links that narrow the search; related records and attachments open. Tab moves from link to link; Enter follows the link.</source>
        <translation>Все поля показанной записи. Имена, типы, архивы, коллекции и метки — ссылки, сужающие поиск; связанные записи и вложения открываются. Tab переходит от ссылки к ссылке; Enter открывает ссылку.</translation>
    </message>
</context>
<context>
    <name>RelationsTab</name>
    <message>
        <source>cover memo for</source>
        <translation>сопроводительная записка к</translation>
    </message>
    <message>
        <source>reply to</source>
        <translation>ответ на</translation>
    </message>
    <message>
        <source>translation of</source>
        <translation>перевод</translation>
    </message>
    <message>
        <source>attachment of</source>
        <translation>приложение к</translation>
    </message>
    <message>
        <source>part of</source>
        <translation>часть</translation>
    </message>
    <message>
        <source>same as</source>
        <translation>то же, что</translation>
    </message>
    <message>
        <source>related to</source>
        <translation>связано с</translation>
    </message>
    <message>
        <source>Title words, a date or a record number</source>
        <translation>Слова заголовка, дата или номер записи</translation>
    </message>
    <message>
        <source>Find the other record</source>
        <translation>Найти другую запись</translation>
    </message>
    <message>
        <source>Type title words, a date or a record number and press Enter</source>
        <translation>Введите слова заголовка, дату или номер записи и нажмите Enter</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Find records</source>
        <translation>Найти записи</translation>
    </message>
    <message>
        <source>List the records matching the text</source>
        <translation>Показать записи, подходящие под текст</translation>
    </message>
    <message>
        <source>Search message</source>
        <translation>Сообщение поиска</translation>
    </message>
    <message>
        <source>Records found</source>
        <translation>Найденные записи</translation>
    </message>
    <message>
        <source>Select the other record; Enter or a double click links it</source>
        <translation>Выберите другую запись; Enter или двойной щелчок связывает её</translation>
    </message>
    <message>
        <source>Relation type</source>
        <translation>Тип связи</translation>
    </message>
    <message>
        <source>What this record is to the other one</source>
        <translation>Чем эта запись является для другой</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Связать</translation>
    </message>
    <message>
        <source>Link the record found</source>
        <translation>Связать найденную запись</translation>
    </message>
    <message>
        <source>Link the record selected in the results with the relation type chosen</source>
        <translation>Связать выбранную в результатах запись с выбранным типом связи</translation>
    </message>
    <message>
        <source>Relations of this record</source>
        <translation>Связи этой записи</translation>
    </message>
    <message>
        <source>The records this record is linked to</source>
        <translation>Записи, с которыми связана эта запись</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected relation</source>
        <translation>Удалить выбранную связь</translation>
    </message>
    <message>
        <source>Drop the relations selected in the list</source>
        <translation>Удалить выбранные в списке связи</translation>
    </message>
    <message>
        <source>This record is</source>
        <translation>Эта запись —</translation>
    </message>
    <message>
        <source>Relations:</source>
        <translation>Связи:</translation>
    </message>
    <message>
        <source>No other record matches.</source>
        <translation>Других подходящих записей нет.</translation>
    </message>
    <message>
        <source>Find and select the other record first.</source>
        <translation>Сначала найдите и выберите другую запись.</translation>
    </message>
</context>
<context>
    <name>ReportModel</name>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Серьёзность</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Архивный шифр</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Гриф</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Коллекции</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Архивы</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>Catalog report</source>
        <translation>Отчёт Catalog</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>Cite as:</source>
        <translation>Ссылка для цитирования:</translation>
    </message>
    <message>
        <source>(not understood)</source>
        <translation>(не распознано)</translation>
    </message>
    <message>
        <source>(normalised: {0})</source>
        <translation>(нормализовано: {0})</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message numerus="yes">
        <source>{0} record</source>
        <translation>
            <numerusform>{0} запись</numerusform>
            <numerusform>{0} записи</numerusform>
            <numerusform>{0} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} records</source>
        <translation>
            <numerusform>{0} запись</numerusform>
            <numerusform>{0} записи</numerusform>
            <numerusform>{0} записей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreOffer</name>
    <message>
        <source>The catalogue is damaged</source>
        <translation>Каталог повреждён</translation>
    </message>
    <message>
        <source>Offers to restore the newest good backup</source>
        <translation>Предлагает восстановить последнюю исправную резервную копию</translation>
    </message>
    <message>
        <source>The catalogue {0} is damaged ({1}).</source>
        <translation>Каталог {0} повреждён ({1}).</translation>
    </message>
    <message>
        <source>Restore the backup of {0}? Changes made since then are not in it.
The damaged file is kept beside it as {1}.damaged-…, never deleted.</source>
        <translation>Восстановить резервную копию от {0}? Изменений, сделанных после этого, в ней нет.
Повреждённый файл останется рядом под именем {1}.damaged-… и не будет удалён.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что случилось</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Put the backup in place of the damaged file, then open it</source>
        <translation>Поставить резервную копию на место повреждённого файла и открыть её</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыйти</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Leave the damaged file as it is and open nothing</source>
        <translation>Оставить повреждённый файл как есть и ничего не открывать</translation>
    </message>
    <message>
        <source>The catalogue {0} is damaged ({1}) and no good backup of it was found. The file was left as it is.</source>
        <translation>Каталог {0} повреждён ({1}), а исправной резервной копии не найдено. Файл оставлен как есть.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Format of the file</source>
        <translation>Формат файла</translation>
    </message>
    <message>
        <source>The format the file is read as; choose another to check the file again</source>
        <translation>Формат, в котором читается файл; выберите другой, чтобы проверить файл снова</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>Preview of the first records</source>
        <translation>Предпросмотр первых записей</translation>
    </message>
    <message>
        <source>The first records of the file, as the import will store them</source>
        <translation>Первые записи файла в том виде, в каком их сохранит импорт</translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation>Отчёт о проверке</translation>
    </message>
    <message>
        <source>Problems found in the file; errors stop the import, warnings do not</source>
        <translation>Проблемы, найденные в файле; ошибки не дают выполнить импорт, предупреждения — нет</translation>
    </message>
    <message>
        <source>Records already in the catalogue</source>
        <translation>Записи, которые уже есть в каталоге</translation>
    </message>
    <message>
        <source>Records of the file the catalogue already holds, and how each was matched</source>
        <translation>Записи файла, которые уже есть в каталоге, и по какому признаку найдено совпадение</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Дубликаты</translation>
    </message>
    <message>
        <source>&amp;Skip them</source>
        <translation>&amp;Пропустить их</translation>
    </message>
    <message>
        <source>Leave the duplicates out; the records already there stay as they are</source>
        <translation>Не импортировать дубликаты; имеющиеся записи остаются без изменений</translation>
    </message>
    <message>
        <source>Import them as &amp;new records</source>
        <translation>Импортировать как &amp;новые записи</translation>
    </message>
    <message>
        <source>Add the duplicates as records of their own</source>
        <translation>Добавить дубликаты как отдельные записи</translation>
    </message>
    <message>
        <source>&amp;Update the existing records</source>
        <translation>&amp;Обновить имеющиеся записи</translation>
    </message>
    <message>
        <source>Update the records already there with what the file holds</source>
        <translation>Обновить имеющиеся записи данными из файла</translation>
    </message>
    <message>
        <source>Preview (as the records will be stored)</source>
        <translation>Предпросмотр (в том виде, в каком записи будут сохранены)</translation>
    </message>
    <message numerus="yes">
        <source>Duplicates: {n} record already in the catalogue</source>
        <translation>
            <numerusform>Дубликаты: {n} запись уже есть в каталоге</numerusform>
            <numerusform>Дубликаты: {n} записи уже есть в каталоге</numerusform>
            <numerusform>Дубликаты: {n} записей уже есть в каталоге</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicates: {n} records already in the catalogue</source>
        <translation>
            <numerusform>Дубликаты: {n} запись уже есть в каталоге</numerusform>
            <numerusform>Дубликаты: {n} записи уже есть в каталоге</numerusform>
            <numerusform>Дубликаты: {n} записей уже есть в каталоге</numerusform>
        </translation>
    </message>
    <message>
        <source>{records} read as {format}; {errors}, {warnings}.</source>
        <translation>Прочитано как {format}: {records}; {errors}, {warnings}.</translation>
    </message>
    <message numerus="yes">
        <source>{0} record</source>
        <translation>
            <numerusform>{0} запись</numerusform>
            <numerusform>{0} записи</numerusform>
            <numerusform>{0} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} records</source>
        <translation>
            <numerusform>{0} запись</numerusform>
            <numerusform>{0} записи</numerusform>
            <numerusform>{0} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} error</source>
        <translation>
            <numerusform>{0} ошибка</numerusform>
            <numerusform>{0} ошибки</numerusform>
            <numerusform>{0} ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} errors</source>
        <translation>
            <numerusform>{0} ошибка</numerusform>
            <numerusform>{0} ошибки</numerusform>
            <numerusform>{0} ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} warning</source>
        <translation>
            <numerusform>{0} предупреждение</numerusform>
            <numerusform>{0} предупреждения</numerusform>
            <numerusform>{0} предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} warnings</source>
        <translation>
            <numerusform>{0} предупреждение</numerusform>
            <numerusform>{0} предупреждения</numerusform>
            <numerusform>{0} предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the errors in the file (or choose another format) to import it.</source>
        <translation>Чтобы импортировать файл, исправьте в нём ошибки (или выберите другой формат).</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search: words, {0} …</source>
        <extracomment>{0} is an example query; the query language itself is not translated.</extracomment>
        <translation>Поиск: слова, {0} …</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Search the catalogue: type words or a query such as {0}. Searches as you type; Enter searches at once, Esc clears.</source>
        <translation>Поиск по каталогу: введите слова или запрос, например {0}. Поиск идёт по мере ввода; Enter ищет сразу, Esc очищает поле.</translation>
    </message>
    <message>
        <source>At position {0}: {1}</source>
        <extracomment>{0} is a character position; {1} says what is wrong.</extracomment>
        <translation>В позиции {0}: {1}</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>building the search index</source>
        <translation>построение поискового индекса</translation>
    </message>
    <message>
        <source>The search could not be run.</source>
        <translation>Не удалось выполнить поиск.</translation>
    </message>
    <message>
        <source>the search</source>
        <translation>поиск</translation>
    </message>
</context>
<context>
    <name>SearchesModel</name>
    <message>
        <source>Search for {0}</source>
        <translation>Искать {0}</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Сохранённые поиски</translation>
    </message>
    <message>
        <source>Recent searches</source>
        <translation>Недавние поиски</translation>
    </message>
</context>
<context>
    <name>SearchesPanel</name>
    <message>
        <source>Saved and recent searches</source>
        <translation>Сохранённые и недавние поиски</translation>
    </message>
    <message>
        <source>Enter or click searches again; F2 renames and Delete deletes a saved search</source>
        <translation>Enter или щелчок повторяет поиск; F2 переименовывает, Delete удаляет сохранённый поиск</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Сохранить поиск</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>Имя поиска:</translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation>Переименование сохранённого поиска</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое имя:</translation>
    </message>
    <message>
        <source>There is already a saved search named &quot;{0}&quot;.</source>
        <translation>Сохранённый поиск с именем «{0}» уже есть.</translation>
    </message>
    <message>
        <source>The name the search is listed under</source>
        <translation>Имя, под которым поиск будет показан в списке</translation>
    </message>
    <message>
        <source>Uses this name</source>
        <translation>Принимает это имя</translation>
    </message>
    <message>
        <source>Closes without changing anything</source>
        <translation>Закрывает окно, ничего не меняя</translation>
    </message>
    <message>
        <source>Search actions</source>
        <translation>Действия с поиском</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Искать</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Сохранить…</translation>
    </message>
    <message>
        <source>&amp;Clear recent searches</source>
        <translation>&amp;Очистить недавние поиски</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Up, Down, PgUp, PgDn, Home, End</source>
        <translation>Вверх, Вниз, PgUp, PgDn, Home, End</translation>
    </message>
    <message>
        <source>Move through the record list</source>
        <translation>Перемещение по списку записей</translation>
    </message>
    <message>
        <source>Shift+click, Ctrl+click, Ctrl+A</source>
        <translation>Shift+щелчок, Ctrl+щелчок, Ctrl+A</translation>
    </message>
    <message>
        <source>Select several records, or all of them</source>
        <translation>Выделить несколько записей или все</translation>
    </message>
    <message>
        <source>Enter or double click on a record</source>
        <translation>Enter или двойной щелчок по записи</translation>
    </message>
    <message>
        <source>Open it in the detail pane</source>
        <translation>Открыть её на панели подробностей</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <source>Move between the search box, facets, timeline, list and details</source>
        <translation>Переход между строкой поиска, фасетами, шкалой времени, списком и подробностями</translation>
    </message>
    <message>
        <source>Enter on a facet value</source>
        <translation>Enter на значении фасета</translation>
    </message>
    <message>
        <source>Add it to the search</source>
        <translation>Добавить его в поиск</translation>
    </message>
    <message>
        <source>Shift+Enter or Alt+click on a facet value</source>
        <translation>Shift+Enter или Alt+щелчок по значению фасета</translation>
    </message>
    <message>
        <source>Exclude it from the search</source>
        <translation>Исключить его из поиска</translation>
    </message>
    <message>
        <source>Delete or Backspace on a filter chip</source>
        <translation>Delete или Backspace на плашке фильтра</translation>
    </message>
    <message>
        <source>Remove that filter</source>
        <translation>Убрать этот фильтр</translation>
    </message>
    <message>
        <source>Left, Right, Enter on the timeline</source>
        <translation>Влево, Вправо, Enter на шкале времени</translation>
    </message>
    <message>
        <source>Pick a year (or month) and filter by it</source>
        <translation>Выбрать год (или месяц) и отфильтровать по нему</translation>
    </message>
    <message>
        <source>+ and - on the timeline</source>
        <translation>+ и - на шкале времени</translation>
    </message>
    <message>
        <source>Zoom to months and back to years</source>
        <translation>Перейти к месяцам и обратно к годам</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H in the record list</source>
        <translation>Ctrl+Shift+H в списке записей</translation>
    </message>
    <message>
        <source>Choose the columns and the sort order</source>
        <translation>Выбрать столбцы и порядок сортировки</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N in the detail pane</source>
        <translation>Ctrl+Alt+N на панели подробностей</translation>
    </message>
    <message>
        <source>Add a note to the record shown</source>
        <translation>Добавить заметку к показанной записи</translation>
    </message>
    <message>
        <source>Menu key</source>
        <translation>Клавиша меню</translation>
    </message>
    <message>
        <source>Open the context menu of the list or the pane</source>
        <translation>Открыть контекстное меню списка или панели</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the Catalog window</source>
        <translation>Все сочетания клавиш окна Catalog</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keys on the left, what they do on the right</source>
        <translation>Слева клавиши, справа — их действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the list of shortcuts</source>
        <translation>Закрыть список сочетаний клавиш</translation>
    </message>
</context>
<context>
    <name>SortLanguageDialog</name>
    <message>
        <source>Every language: Unicode&apos;s default order</source>
        <translation>Все языки: порядок Unicode по умолчанию</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Порядок сортировки</translation>
    </message>
    <message>
        <source>Sort titles and names as in</source>
        <translation>Сортировать заглавия и имена как в языке</translation>
    </message>
    <message>
        <source>The language whose order the catalogue&apos;s titles and names sort in</source>
        <translation>Язык, в порядке которого сортируются заглавия и имена каталога</translation>
    </message>
    <message>
        <source>Sort titles and names in this order</source>
        <translation>Сортировать заглавия и имена в этом порядке</translation>
    </message>
    <message>
        <source>Keep the order the catalogue has</source>
        <translation>Оставить текущий порядок каталога</translation>
    </message>
    <message>
        <source>Sort titles and &amp;names as in:</source>
        <translation>Сортировать заглавия и &amp;имена как в языке:</translation>
    </message>
    <message>
        <source>A language&apos;s order needs ICU (the PyICU package), which is not installed: titles and names sort by their letters&apos; code points.</source>
        <translation>Для порядка языка нужна библиотека ICU (пакет PyICU), но она не установлена: заглавия и имена сортируются по кодам букв.</translation>
    </message>
    <message>
        <source>The language&apos;s own letters sort as its readers expect (Swedish å, ä and ö after z; Chinese by pinyin); other scripts keep the default order. The order is the catalogue&apos;s, for everyone who opens it. Changing it sorts every title and name again: seconds in a large catalogue.</source>
        <translation>Буквы языка сортируются так, как ждут его читатели (шведские å, ä и ö после z; китайский по пиньиню); другие письменности сохраняют порядок по умолчанию. Порядок принадлежит каталогу и действует для всех, кто его открывает. Смена порядка заново сортирует все заглавия и имена: в большом каталоге это занимает секунды.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split “{0}”</source>
        <translation>Разделение «{0}»</translation>
    </message>
    <message>
        <source>Split a name</source>
        <translation>Разделение имени</translation>
    </message>
    <message>
        <source>Name of the new authority</source>
        <translation>Имя новой нормативной записи</translation>
    </message>
    <message>
        <source>The authorised form of the new name</source>
        <translation>Нормативная форма нового имени</translation>
    </message>
    <message>
        <source>Forms that go to the new authority</source>
        <translation>Формы, переходящие в новую нормативную запись</translation>
    </message>
    <message>
        <source>Check the forms that move to the new name; Space checks the current one</source>
        <translation>Отметьте формы, переходящие к новому имени; Пробел отмечает текущую</translation>
    </message>
    <message>
        <source>Records that go to the new authority</source>
        <translation>Записи, переходящие к новой нормативной записи</translation>
    </message>
    <message>
        <source>Check the records that link the new name instead; Space checks the current one</source>
        <translation>Отметьте записи, которые будут ссылаться на новое имя; Пробел отмечает текущую</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Разделить</translation>
    </message>
    <message>
        <source>Make the new name with the forms and records checked</source>
        <translation>Создать новое имя с отмеченными формами и записями</translation>
    </message>
    <message>
        <source>Name of the new authority:</source>
        <translation>Имя новой нормативной записи:</translation>
    </message>
    <message>
        <source>Forms that move to it:</source>
        <translation>Формы, которые к ней переходят:</translation>
    </message>
    <message>
        <source>Records that link it instead:</source>
        <translation>Записи, которые будут ссылаться на неё:</translation>
    </message>
</context>
<context>
    <name>StatusWording</name>
    <message numerus="yes">
        <source>{0} record</source>
        <translation>
            <numerusform>{0} запись</numerusform>
            <numerusform>{0} записи</numerusform>
            <numerusform>{0} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} records</source>
        <translation>
            <numerusform>{0} запись</numerusform>
            <numerusform>{0} записи</numerusform>
            <numerusform>{0} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of {1} record</source>
        <translation>
            <numerusform>{0} из {1} записи</numerusform>
            <numerusform>{0} из {1} записей</numerusform>
            <numerusform>{0} из {1} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of {1} records</source>
        <translation>
            <numerusform>{0} из {1} записи</numerusform>
            <numerusform>{0} из {1} записей</numerusform>
            <numerusform>{0} из {1} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} selected</source>
        <translation>
            <numerusform>выбрано: {0}</numerusform>
            <numerusform>выбрано: {0}</numerusform>
            <numerusform>выбрано: {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>person</source>
        <translation>лицо</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>тема</translation>
    </message>
    <message>
        <source>repository</source>
        <translation>архив</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Found as</source>
        <translation>Найдено как</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Suggested names</source>
        <translation>Предлагаемые имена</translation>
    </message>
    <message>
        <source>How many names were found</source>
        <translation>Сколько имён найдено</translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) found in the text of the records; uncheck any that are wrong.</source>
        <translation>
            <numerusform>В тексте записей найдено %n имя; снимите отметку с ошибочных.</numerusform>
            <numerusform>В тексте записей найдено %n имени; снимите отметку с ошибочных.</numerusform>
            <numerusform>В тексте записей найдено %n имён; снимите отметку с ошибочных.</numerusform>
        </translation>
    </message>
    <message>
        <source>No known name was found in the text of these records.</source>
        <translation>В тексте этих записей не найдено ни одного известного имени.</translation>
    </message>
    <message>
        <source>Suggested links</source>
        <translation>Предлагаемые связи</translation>
    </message>
    <message>
        <source>Each name found in a record; Space unchecks a wrong one</source>
        <translation>Каждое имя, найденное в записи; Пробел снимает отметку с ошибочного</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close without linking any name</source>
        <translation>Закрыть, не связывая ни одного имени</translation>
    </message>
    <message>
        <source>&amp;Link selected</source>
        <translation>&amp;Связать отмеченные</translation>
    </message>
    <message>
        <source>Link selected</source>
        <translation>Связать отмеченные</translation>
    </message>
    <message>
        <source>Link the names checked to their records, as one step to undo</source>
        <translation>Связать отмеченные имена с их записями одним отменяемым шагом</translation>
    </message>
    <message>
        <source>Could not link the names</source>
        <translation>Не удалось связать имена</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Warnings of the import</source>
        <translation>Предупреждения импорта</translation>
    </message>
    <message>
        <source>Every warning of the files imported, one a line, to read or copy</source>
        <translation>Все предупреждения по импортированным файлам, по одному в строке, для чтения или копирования</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ничего не импортировано.</translation>
    </message>
    <message>
        <source>Records: {counts}.</source>
        <translation>Записи — {counts}.</translation>
    </message>
    <message numerus="yes">
        <source>{n} warning (listed below).</source>
        <translation>
            <numerusform>{n} предупреждение (см. ниже).</numerusform>
            <numerusform>{n} предупреждения (см. ниже).</numerusform>
            <numerusform>{n} предупреждений (см. ниже).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} warnings (listed below).</source>
        <translation>
            <numerusform>{n} предупреждение (см. ниже).</numerusform>
            <numerusform>{n} предупреждения (см. ниже).</numerusform>
            <numerusform>{n} предупреждений (см. ниже).</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: not imported.</source>
        <translation>{file}: не импортирован.</translation>
    </message>
    <message>
        <source>{file}: {counts}.</source>
        <translation>{file} — {counts}.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Drag across the bars, or move with Left and Right (Shift to extend) and press Enter, to search those dates. Plus and minus, the mouse wheel or a double-click zoom between years and months; Page Up and Page Down move a year.</source>
        <translation>Проведите мышью по столбцам или перемещайтесь клавишами «Влево» и «Вправо» (с Shift — расширяя выделение) и нажмите Enter, чтобы искать эти даты. Плюс и минус, колесо мыши или двойной щелчок переключают масштаб между годами и месяцами; Page Up и Page Down сдвигают на год.</translation>
    </message>
    <message>
        <source>drag across the bars to choose dates</source>
        <translation>проведите по столбцам, чтобы выбрать даты</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>Нет записей</translation>
    </message>
    <message>
        <source>No dated records</source>
        <translation>Нет датированных записей</translation>
    </message>
    <message>
        <source>Counting dates…</source>
        <translation>Подсчёт дат…</translation>
    </message>
    <message>
        <source>Timeline span</source>
        <translation>Период хронологии</translation>
    </message>
    <message>
        <source>Undated records</source>
        <translation>Записи без даты</translation>
    </message>
    <message>
        <source>Records of this result without a date</source>
        <translation>Записи этого результата, у которых нет даты</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Годы</translation>
    </message>
    <message>
        <source>Timeline by years</source>
        <translation>Хронология по годам</translation>
    </message>
    <message>
        <source>Show a bar for each year</source>
        <translation>Показать столбец для каждого года</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Месяцы</translation>
    </message>
    <message>
        <source>Timeline by months</source>
        <translation>Хронология по месяцам</translation>
    </message>
    <message>
        <source>Show a bar for each month</source>
        <translation>Показать столбец для каждого месяца</translation>
    </message>
    <message>
        <source>{0} undated</source>
        <translation>без даты: {0}</translation>
    </message>
    <message>
        <source>{0} — release to search</source>
        <translation>{0} — отпустите, чтобы искать</translation>
    </message>
    <message>
        <source>{0} without a single month</source>
        <translation>без точного месяца: {0}</translation>
    </message>
    <message>
        <source>searching {0}</source>
        <translation>поиск: {0}</translation>
    </message>
</context>
<context>
    <name>TimelineAxis</name>
    <message>
        <source>Jan</source>
        <translation>янв</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>фев</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>мар</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>апр</translation>
    </message>
    <message>
        <source>May</source>
        <translation>май</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>июн</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>июл</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>авг</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>сен</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>окт</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>ноя</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>дек</translation>
    </message>
</context>
<context>
    <name>TimelineBins</name>
    <message>
        <source>January</source>
        <translation>январь</translation>
    </message>
    <message>
        <source>February</source>
        <translation>февраль</translation>
    </message>
    <message>
        <source>March</source>
        <translation>март</translation>
    </message>
    <message>
        <source>April</source>
        <translation>апрель</translation>
    </message>
    <message>
        <source>May</source>
        <translation>май</translation>
    </message>
    <message>
        <source>June</source>
        <translation>июнь</translation>
    </message>
    <message>
        <source>July</source>
        <translation>июль</translation>
    </message>
    <message>
        <source>August</source>
        <translation>август</translation>
    </message>
    <message>
        <source>September</source>
        <translation>сентябрь</translation>
    </message>
    <message>
        <source>October</source>
        <translation>октябрь</translation>
    </message>
    <message>
        <source>November</source>
        <translation>ноябрь</translation>
    </message>
    <message>
        <source>December</source>
        <translation>декабрь</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>с {0} по {1}</translation>
    </message>
</context>
<context>
    <name>TimelineCounts</name>
    <message numerus="yes">
        <source>{0} record</source>
        <translation>
            <numerusform>{0} запись</numerusform>
            <numerusform>{0} записи</numerusform>
            <numerusform>{0} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} records</source>
        <translation>
            <numerusform>{0} запись</numerusform>
            <numerusform>{0} записи</numerusform>
            <numerusform>{0} записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} dated record</source>
        <translation>
            <numerusform>{0} датированная запись</numerusform>
            <numerusform>{0} датированные записи</numerusform>
            <numerusform>{0} датированных записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} dated records</source>
        <translation>
            <numerusform>{0} датированная запись</numerusform>
            <numerusform>{0} датированные записи</numerusform>
            <numerusform>{0} датированных записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the {0} record in this result is dated.</source>
        <translation>
            <numerusform>Ни одна из {0} записи этого результата не датирована.</numerusform>
            <numerusform>Ни одна из {0} записей этого результата не датирована.</numerusform>
            <numerusform>Ни одна из {0} записей этого результата не датирована.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the {0} records in this result is dated.</source>
        <translation>
            <numerusform>Ни одна из {0} записи этого результата не датирована.</numerusform>
            <numerusform>Ни одна из {0} записей этого результата не датирована.</numerusform>
            <numerusform>Ни одна из {0} записей этого результата не датирована.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineState</name>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} – {1}</translation>
    </message>
    <message>
        <source>No records in this result.</source>
        <translation>В этом результате нет записей.</translation>
    </message>
    <message>
        <source>; most in {0} ({1})</source>
        <translation>; больше всего — {0} ({1})</translation>
    </message>
    <message>
        <source>{0} by month, {1}{2}. {3} undated.</source>
        <translation>{0} по месяцам, {1}{2}. Без даты: {3}.</translation>
    </message>
    <message>
        <source>{0} by year, {1}{2}. {3} undated.</source>
        <translation>{0} по годам, {1}{2}. Без даты: {3}.</translation>
    </message>
    <message>
        <source>{0} in these years have no single month.</source>
        <translation>Без точного месяца в эти годы: {0}.</translation>
    </message>
    <message>
        <source>The search is limited to {0}.</source>
        <translation>Поиск ограничен периодом {0}.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Empty trash</source>
        <translation>Очистить корзину</translation>
    </message>
    <message>
        <source>Their notes, links and history go too. Undo can bring them back.</source>
        <translation>Их заметки, связи и история тоже будут удалены. Отмена действия может их вернуть.</translation>
    </message>
    <message>
        <source>Delete every record in the trash for good</source>
        <translation>Окончательно удалить все записи из корзины</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Keep the records in the trash</source>
        <translation>Оставить записи в корзине</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Deleted records, to restore or delete for good.</source>
        <translation>Удалённые записи, которые можно восстановить или удалить окончательно.</translation>
    </message>
    <message>
        <source>Records in the trash</source>
        <translation>Записи в корзине</translation>
    </message>
    <message>
        <source>Each record&apos;s date and title; select records to restore them</source>
        <translation>Дата и заголовок каждой записи; выделите записи, чтобы восстановить их</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>Bring the selected records back.</source>
        <translation>Вернуть выделенные записи.</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Очистить корзину…</translation>
    </message>
    <message>
        <source>Delete every record here for good.</source>
        <translation>Окончательно удалить все записи отсюда.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the trash</source>
        <translation>Закрыть корзину</translation>
    </message>
    <message>
        <source>This catalogue cannot be changed from here.</source>
        <translation>Этот каталог нельзя изменить отсюда.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in the trash.</source>
        <translation>
            <numerusform>В корзине %n запись.</numerusform>
            <numerusform>В корзине %n записи.</numerusform>
            <numerusform>В корзине %n записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <source>Restoring records</source>
        <translation>Восстановление записей</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n record(s) in the trash for good?</source>
        <translation>
            <numerusform>Окончательно удалить %n запись из корзины?</numerusform>
            <numerusform>Окончательно удалить %n записи из корзины?</numerusform>
            <numerusform>Окончательно удалить %n записей из корзины?</numerusform>
        </translation>
    </message>
    <message>
        <source>Emptying the trash</source>
        <translation>Очистка корзины</translation>
    </message>
    <message>
        <source>the change to the trash</source>
        <translation>изменение корзины</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>Catalog user guide</source>
        <translation>Руководство пользователя Catalog</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>How to use Catalog, with its screenshots.</source>
        <translation>Как работать с Catalog, со снимками экрана.</translation>
    </message>
    <message>
        <source>The user guide&apos;s text. Tab moves from link to link and Enter follows one; web links open in the browser.</source>
        <translation>Текст руководства пользователя. Tab переходит от ссылки к ссылке, Enter открывает ссылку; веб-ссылки открываются в браузере.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the user guide.</source>
        <translation>Закрыть руководство пользователя.</translation>
    </message>
</context>
<context>
    <name>ValueMenu</name>
    <message>
        <source>Filter by {0}</source>
        <translation>Фильтр по {0}</translation>
    </message>
    <message>
        <source>&amp;Include</source>
        <translation>&amp;Включить</translation>
    </message>
    <message>
        <source>Add {0} to the search</source>
        <translation>Добавить {0} в поиск</translation>
    </message>
    <message>
        <source>&amp;Exclude</source>
        <translation>&amp;Исключить</translation>
    </message>
    <message>
        <source>Add -{0} to the search: leave these records out</source>
        <translation>Добавить -{0} в поиск: исключить эти записи</translation>
    </message>
</context>
<context>
    <name>ValuesField</name>
    <message>
        <source>Type a value and press Enter; one the list does not hold yet is added to it</source>
        <translation>Введите значение и нажмите Enter; значение, которого ещё нет в списке, будет в него добавлено</translation>
    </message>
    <message>
        <source>Type a value and press Enter</source>
        <translation>Введите значение и нажмите Enter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add to {0}</source>
        <translation>Добавить в «{0}»</translation>
    </message>
    <message>
        <source>Add the value typed</source>
        <translation>Добавить введённое значение</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove from {0}</source>
        <translation>Удалить из «{0}»</translation>
    </message>
    <message>
        <source>Remove the values selected in the list</source>
        <translation>Удалить выбранные в списке значения</translation>
    </message>
    <message>
        <source>{0} chosen</source>
        <translation>{0}: выбранные</translation>
    </message>
    <message>
        <source>The values chosen for the record</source>
        <translation>Значения, выбранные для записи</translation>
    </message>
</context>
<context>
    <name>VariantsDialog</name>
    <message>
        <source>Variants of “{0}”</source>
        <translation>Варианты «{0}»</translation>
    </message>
    <message>
        <source>Name variants</source>
        <translation>Варианты имени</translation>
    </message>
    <message>
        <source>Other forms of the name</source>
        <translation>Другие формы имени</translation>
    </message>
    <message>
        <source>Select a form to remove it</source>
        <translation>Выберите форму, чтобы удалить её</translation>
    </message>
    <message>
        <source>New variant</source>
        <translation>Новый вариант</translation>
    </message>
    <message>
        <source>Type another form and press Enter to add it</source>
        <translation>Введите другую форму и нажмите Enter, чтобы добавить её</translation>
    </message>
    <message>
        <source>Another form, in any script</source>
        <translation>Другая форма, в любой письменности</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Add variant</source>
        <translation>Добавить вариант</translation>
    </message>
    <message>
        <source>Add the form typed to the list</source>
        <translation>Добавить введённую форму в список</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Remove variant</source>
        <translation>Удалить вариант</translation>
    </message>
    <message>
        <source>Remove the forms selected in the list</source>
        <translation>Удалить выбранные в списке формы</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Keep the forms listed</source>
        <translation>Сохранить формы из списка</translation>
    </message>
    <message>
        <source>Other forms of “{0}”:</source>
        <translation>Другие формы «{0}»:</translation>
    </message>
</context>
<context>
    <name>VocabularyCombo</name>
    <message>
        <source>Pick a value from the list or type a new one</source>
        <translation>Выберите значение из списка или введите новое</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Catalog keeps a catalogue of archival documents: letters, cables, memoranda and records of conversation, with the dates as the archive wrote them and the people, places and archives they mention.</source>
        <translation>Catalog ведёт каталог архивных документов: писем, телеграмм, меморандумов и записей бесед — с датами в том виде, в каком их записал архив, и с упомянутыми в них людьми, местами и архивами.</translation>
    </message>
    <message>
        <source>On the left, the search box and the filters: type a query, or click a person, a place or a type to narrow the records down.</source>
        <translation>Слева — поле поиска и фильтры: введите запрос или щёлкните человека, место или тип, чтобы сузить круг записей.</translation>
    </message>
    <message>
        <source>In the middle, the records that match, with a timeline of their dates above them; click a column&apos;s header to sort.</source>
        <translation>В середине — подходящие записи, над ними шкала времени с их датами; щёлкните заголовок столбца, чтобы отсортировать.</translation>
    </message>
    <message>
        <source>On the right, everything about the selected record; click a name in it to find every other record that mentions it.</source>
        <translation>Справа — всё о выбранной записи; щёлкните имя в ней, чтобы найти все другие записи, где оно упоминается.</translation>
    </message>
    <message>
        <source>Help → User guide explains the rest, and F1 shows what the search box understands.</source>
        <translation>Справка → Руководство пользователя объясняет остальное, а F1 показывает, что понимает поле поиска.</translation>
    </message>
    <message>
        <source>This catalogue is empty</source>
        <translation>Этот каталог пуст</translation>
    </message>
    <message>
        <source>Load sample records</source>
        <translation>Загрузить образцы записей</translation>
    </message>
    <message>
        <source>Add the 15 sample records that ship with Catalog, to try it out</source>
        <translation>Добавить 15 образцов записей, поставляемых с Catalog, чтобы опробовать программу</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Import records from a file (CSV, XLSX, JSON, RIS, BibTeX, Dublin Core, EAD or a listing)</source>
        <translation>Импортировать записи из файла (CSV, XLSX, JSON, RIS, BibTeX, Dublin Core, EAD или опись)</translation>
    </message>
    <message>
        <source>Your catalogue is stored in {0}</source>
        <translation>Ваш каталог хранится в {0}</translation>
    </message>
    <message>
        <source>The file or server this catalogue lives in</source>
        <translation>Файл или сервер, где хранится этот каталог</translation>
    </message>
</context>
</TS>
