<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../src/planmgr/ui/pages/dashboard_page.py" line="41"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/dashboard_page.py" line="42"/>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/dashboard_page.py" line="56"/>
        <source>Due drills, evaluations and filings will be listed here. Until then, the command planmgr due --db DATABASE lists them.</source>
        <translation>到期的演练、评估和备案将列在这里。在此之前，可在命令行运行 planmgr due --db 数据库 查看。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/dashboard_page.py" line="70"/>
        <source>This database is empty</source>
        <translation>这个数据库还没有数据</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/dashboard_page.py" line="72"/>
        <source>Register your own unit (planmgr init), then import the units and plans ledgers (planmgr ledger import units|plans FILE.xlsx --db DATABASE). To look around first, open the demo database: planmgr gui --demo</source>
        <translation>请先登记本单位（planmgr init），再导入单位台账和预案台账（planmgr ledger import units|plans 台账.xlsx --db 数据库）。想先看看效果，可以打开演示数据库：planmgr gui --demo</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/dashboard_page.py" line="82"/>
        <source>Dashboard</source>
        <translation>首页看板</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/dashboard_page.py" line="99"/>
        <source>Could not read the database</source>
        <translation>无法读取数据库</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="81"/>
        <source>Dashboard</source>
        <translation>首页看板</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="82"/>
        <source>Plan system</source>
        <translation>预案体系</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="83"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="84"/>
        <source>Filings</source>
        <translation>备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="85"/>
        <source>Handling cards</source>
        <translation>处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="86"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="87"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="124"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="125"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="129"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="132"/>
        <source>&amp;Back up database</source>
        <translation>备份数据库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="136"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="141"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="142"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="147"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="148"/>
        <source>&amp;About planmgr</source>
        <translation>关于 planmgr(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="151"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="189"/>
        <source>{name} — Emergency plan and drill management</source>
        <translation>{name} — 应急预案与演练管理</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="191"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="205"/>
        <source>Own unit: not registered</source>
        <translation>本单位：尚未登记</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="206"/>
        <source>Register it with: planmgr init</source>
        <translation>请用 planmgr init 登记本单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="208"/>
        <source>Own unit: {name}</source>
        <translation>本单位：{name}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="223"/>
        <source>The database was upgraded; a backup was kept first: {path}</source>
        <translation>数据库已升级，升级前已备份：{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="237"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="238"/>
        <source>planmgr databases (*.sqlite *.db);;All files (*)</source>
        <translation>planmgr 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="247"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="247"/>
        <source>Another operation is still running.</source>
        <translation>另一项操作仍在进行，请等它完成后再试。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="252"/>
        <source>Opening the database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="267"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="273"/>
        <source>Backing up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="280"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="283"/>
        <source>Backup finished</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="284"/>
        <source>The database was backed up to:
{path}</source>
        <translation>数据库已备份到：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="293"/>
        <source>About planmgr</source>
        <translation>关于 planmgr</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="295"/>
        <source>planmgr {version}
Emergency plan and drill management for town emergency offices and enterprise safety officers.

Database: {db}
Log file: {log}</source>
        <translation>planmgr {version}
应急预案与演练管理，供乡镇（街道）应急管理部门和企业安全管理人员使用。

数据库：{db}
日志文件：{log}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="304"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="304"/>
        <source>The log files are in:
{path}</source>
        <translation>日志文件位于：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="326"/>
        <source>An operation is running</source>
        <translation>操作进行中</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/main_window.py" line="327"/>
        <source>An operation is still running. Cancel it and quit?</source>
        <translation>还有一项操作正在进行。要取消它并退出吗？</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="28"/>
        <source>Plan name</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="29"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="30"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="31"/>
        <source>Owner unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="32"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="62"/>
        <source>unpublished</source>
        <translation>未发布</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/plan_tree.py" line="86"/>
        <source>{title}
{category}, {count} plans under it</source>
        <translation>{title}
{category}，下级预案 {count} 个</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../src/planmgr/ui/pages/plans_page.py" line="23"/>
        <source>No plans yet</source>
        <translation>尚无预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/plans_page.py" line="25"/>
        <source>Plans and how they link under one another will appear here. To start, import a plans ledger (planmgr ledger import plans FILE.xlsx --db DATABASE) or open the demo database (planmgr gui --demo).</source>
        <translation>预案及其上下级衔接关系将显示在这里。开始使用：导入预案台账（planmgr ledger import plans 台账.xlsx --db 数据库），或打开演示数据库（planmgr gui --demo）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/plans_page.py" line="31"/>
        <source>Expand a plan to see the plans under it. Status colours: &lt;span style=&quot;color:{ok}&quot;&gt;in force&lt;/span&gt;, &lt;span style=&quot;color:{soon}&quot;&gt;in review or revision&lt;/span&gt;, &lt;span style=&quot;color:{grey}&quot;&gt;draft, superseded or abolished&lt;/span&gt;.</source>
        <translation>展开预案可查看其下级预案。状态颜色：&lt;span style=&quot;color:{ok}&quot;&gt;现行有效&lt;/span&gt;、&lt;span style=&quot;color:{soon}&quot;&gt;评审或修订中&lt;/span&gt;、&lt;span style=&quot;color:{grey}&quot;&gt;编制中、已替代或已废止&lt;/span&gt;。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/plans_page.py" line="36"/>
        <source>Plan system</source>
        <translation>预案体系</translation>
    </message>
</context>
<context>
    <name>TreePage</name>
    <message>
        <location filename="../../src/planmgr/ui/pages/tree_page.py" line="69"/>
        <source>Could not read the database</source>
        <translation>无法读取数据库</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="34"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="34"/>
        <source>Sub-units</source>
        <translation>下级单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="34"/>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/models/unit_tree.py" line="75"/>
        <source>Unified social credit code: {code}</source>
        <translation>统一社会信用代码：{code}</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/pages/units_page.py" line="22"/>
        <source>No units yet</source>
        <translation>尚无单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/units_page.py" line="24"/>
        <source>The city, its departments and towns, and the villages and enterprises under them will appear here. To start, register this database&apos;s own unit (planmgr init) and import a units ledger (planmgr ledger import units FILE.xlsx --db DATABASE).</source>
        <translation>县级以上政府、政府部门、乡镇（街道）以及下属的村（社区）和企业将显示在这里。开始使用：登记本单位（planmgr init），再导入单位台账（planmgr ledger import units 台账.xlsx --db 数据库）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/units_page.py" line="29"/>
        <source>Expand a unit to see the units under it.</source>
        <translation>展开单位可查看其下级单位。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/pages/units_page.py" line="30"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="146"/>
        <source>A file operation failed: {reason} ({file}).</source>
        <translation>文件操作失败：{reason}（{file}）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="151"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="167"/>
        <source>Cannot create the demo database</source>
        <translation>无法创建演示数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="180"/>
        <source>This installation cannot create the demo database (the demo data module is missing: {error}). Open your own database instead, or install a complete version of planmgr.</source>
        <translation>当前安装的程序无法创建演示数据库（缺少演示数据模块：{error}）。请打开自己的数据库，或安装完整版本的 planmgr。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/app.py" line="170"/>
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
