<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="45"/>
        <source>About planmgr</source>
        <translation>关于 planmgr</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="55"/>
        <source>{app} — Emergency plan and drill management</source>
        <translation>{app} — 应急预案与演练管理</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="59"/>
        <source>Plans, revisions and evaluations, drills, filings and handling cards for town emergency offices and enterprise safety officers.</source>
        <translation>面向乡镇（街道）应急办和企业安全管理人员：预案体系、修订与评估、演练、备案和应急处置卡。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="77"/>
        <source>WenQuanYi Micro Hei, under the Apache License 2.0</source>
        <translation>文泉驿微米黑（WenQuanYi Micro Hei），Apache License 2.0</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="82"/>
        <location filename="../../src/planmgr/ui/about.py" line="117"/>
        <source>View licence…</source>
        <translation>查看许可证…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="88"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="89"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="90"/>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="91"/>
        <source>Bundled font:</source>
        <translation>内置字体：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="92"/>
        <source>Runtime:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="101"/>
        <source>The licence file is missing from this installation.</source>
        <translation>本安装缺少许可证文件。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/about.py" line="117"/>
        <source>Hide licence</source>
        <translation>隐藏许可证</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="85"/>
        <source>Dashboard</source>
        <translation>首页看板</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="86"/>
        <source>Plan system</source>
        <translation>预案体系</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="87"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="88"/>
        <source>Filings</source>
        <translation>备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="89"/>
        <source>Handling cards</source>
        <translation>处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="90"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="91"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="124"/>
        <source>Emergency plan and drill management</source>
        <translation>应急预案与演练管理</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="125"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库……</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="157"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="159"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="162"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="164"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="166"/>
        <source>&amp;Back up database</source>
        <translation>备份数据库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="167"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="182"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="183"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="184"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="188"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="189"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="192"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="194"/>
        <source>Open the &amp;user guide</source>
        <translation>打开用户手册(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="196"/>
        <source>&amp;About planmgr</source>
        <translation>关于 planmgr(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="198"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="330"/>
        <source>{name} — Emergency plan and drill management</source>
        <translation>{name} — 应急预案与演练管理</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="332"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="346"/>
        <source>Own unit: not registered</source>
        <translation>本单位：尚未登记</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="347"/>
        <source>Register it with: planmgr init</source>
        <translation>请用 planmgr init 登记本单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="349"/>
        <source>Own unit: {name}</source>
        <translation>本单位：{name}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="364"/>
        <source>The database was upgraded; a backup was kept first: {path}</source>
        <translation>数据库已升级，升级前已备份：{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="392"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="393"/>
        <source>planmgr databases (*.sqlite *.db);;All files (*)</source>
        <translation>planmgr 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="486"/>
        <location filename="../../src/planmgr/ui/main_window.py" line="491"/>
        <source>User guide</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="492"/>
        <source>No program to open it was found. The user guide is:
{path}</source>
        <translation>没有找到可以打开它的程序。用户手册位于：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="377"/>
        <location filename="../../src/planmgr/ui/main_window.py" line="403"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="377"/>
        <location filename="../../src/planmgr/ui/main_window.py" line="403"/>
        <source>Another operation is still running.</source>
        <translation>另一项操作仍在进行，请等它完成后再试。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="433"/>
        <source>Opening the database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="449"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="455"/>
        <source>Backing up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="462"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="465"/>
        <source>Backup finished</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="466"/>
        <source>The database was backed up to:
{path}</source>
        <translation>数据库已备份到：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="499"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="499"/>
        <source>The log files are in:
{path}</source>
        <translation>日志文件位于：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="525"/>
        <source>An operation is running</source>
        <translation>操作进行中</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="526"/>
        <source>An operation is still running. Cancel it and quit?</source>
        <translation>还有一项操作正在进行。要取消它并退出吗？</translation>
    </message>
</context>
<context>
    <name>NewDatabaseDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="56"/>
        <location filename="../../src/planmgr/ui/new_database.py" line="142"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="59"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="66"/>
        <source>e.g. 开平市应急管理局</source>
        <translation>如 开平市应急管理局</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="72"/>
        <source>18 characters, optional</source>
        <translation>18 位，选填</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="75"/>
        <source>(not set)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="80"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="81"/>
        <source>Own unit name *</source>
        <translation>本单位名称 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="82"/>
        <source>Unit kind *</source>
        <translation>单位类型 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="83"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="85"/>
        <source>Industry</source>
        <translation>行业类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="86"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="95"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="102"/>
        <source>A new, empty database file for one unit: an emergency office (city, department, town, village) or an enterprise. Units, plans and drills are added afterwards.</source>
        <translation>为一个单位新建一个空数据库文件：应急管理部门（市县政府、部门、乡镇街道、村社区）或企业。单位、预案和演练以后再添加。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="136"/>
        <source>✓ The check character is correct.</source>
        <translation>✓ 校验位正确。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="143"/>
        <source>planmgr databases (*.sqlite *.db)</source>
        <translation>planmgr 数据库 (*.sqlite *.db)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="152"/>
        <source>Choose where to save the database file.</source>
        <translation>请选择数据库文件的保存位置。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="159"/>
        <source>The file {path} exists already. Choose another name, or open it with File &gt; Open.</source>
        <translation>文件 {path} 已存在。请换一个文件名，或用“文件 › 打开数据库”打开它。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/new_database.py" line="179"/>
        <location filename="../../src/planmgr/ui/new_database.py" line="203"/>
        <source>Creating the database</source>
        <translation>新建数据库</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="30"/>
        <source>Plan name</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="31"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="33"/>
        <source>Owner unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="34"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="64"/>
        <source>unpublished</source>
        <translation>未发布</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="88"/>
        <source>{title}
{category}, {count} plans under it</source>
        <translation>{title}
{category}，下级预案 {count} 个</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="36"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="36"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="36"/>
        <source>Sub-units</source>
        <translation>下级单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="36"/>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="77"/>
        <source>Unified social credit code: {code}</source>
        <translation>统一社会信用代码：{code}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="186"/>
        <source>A file operation failed: {reason} ({file}).</source>
        <translation>文件操作失败：{reason}（{file}）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="191"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="212"/>
        <source>Cannot open the last database</source>
        <translation>无法打开上次的数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="213"/>
        <source>{reason}

The default database is opened instead; use File &gt; Open to choose another.</source>
        <translation>{reason}

现在打开默认数据库；可用“文件 › 打开数据库”选择其他数据库。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="235"/>
        <source>Cannot create the demo database</source>
        <translation>无法创建演示数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="248"/>
        <source>This installation cannot create the demo database (the demo data module is missing: {error}). Open your own database instead, or install a complete version of planmgr.</source>
        <translation>当前安装的程序无法创建演示数据库（缺少演示数据模块：{error}）。请打开自己的数据库，或安装完整版本的 planmgr。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="320"/>
        <location filename="../../src/planmgr/ui/app.py" line="332"/>
        <source>Filing package not imported</source>
        <translation>备案包未导入</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="321"/>
        <source>{file}

Filing packages are imported by the emergency office that receives them. The open database ({db}) is not an office database; open the office&apos;s database and import the package on the Filings page.</source>
        <translation>{file}

备案包由受理备案的应急管理部门导入。当前打开的数据库（{db}）不是应急管理部门的数据库；请打开应急管理部门的数据库，在“备案”页导入备案包。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="333"/>
        <source>The file does not exist: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="238"/>
        <source>Creating the demo database</source>
        <translation>正在创建演示数据库</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../src/planmgr/ui/crash.py" line="81"/>
        <source>An unexpected error occurred: {error}

Your data saved so far is not affected. If it happens again, please send the log file to your administrator:
{log}</source>
        <translation>程序发生了意外错误：{error}

已保存的数据不受影响。如果再次出现，请把日志文件发给管理员：
{log}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/crash.py" line="88"/>
        <source>(no log file)</source>
        <translation>（没有日志文件）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/crash.py" line="91"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../src/planmgr/ui/ops.py" line="154"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ops.py" line="263"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ops.py" line="334"/>
        <source>Operation failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ops.py" line="345"/>
        <source>A file operation failed: {reason} ({file}).</source>
        <translation>文件操作失败：{reason}（{file}）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ops.py" line="349"/>
        <source>Not enough memory to finish. Close other programs and try again.</source>
        <translation>内存不足，无法完成。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ops.py" line="354"/>
        <source>(no log file)</source>
        <translation>（没有日志文件）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ops.py" line="355"/>
        <source>An unexpected error stopped it ({kind}). Details are in the log file: {log}</source>
        <translation>发生意外错误（{kind}），详细信息已写入日志文件：{log}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ops.py" line="358"/>
        <source>{title} did not finish.

{reason}</source>
        <translation>“{title}”未完成。

{reason}</translation>
    </message>
</context>
</TS>
