<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="161"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="167"/>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="176"/>
        <source>Search the rows shown</source>
        <translation>在列出的记录中搜索</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="178"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="181"/>
        <source>Table:</source>
        <translation>数据表：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="183"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="187"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="209"/>
        <source>Choose a row to see every changed field.</source>
        <translation>选择一行，查看每个变更字段的完整内容。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="249"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="290"/>
        <source>{total} entries match; the newest {loaded} are listed</source>
        <translation>共 {total} 条符合条件，列出最近的 {loaded} 条</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="294"/>
        <source>{total} entries</source>
        <translation>共 {total} 条</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="296"/>
        <source>, {shown} match the search</source>
        <translation>，其中 {shown} 条符合搜索</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="68"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="69"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="70"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="71"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="72"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/audit_viewer.py" line="73"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="57"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="57"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="57"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="57"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="90"/>
        <source>Second folder</source>
        <translation>第二备份位置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="90"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="39"/>
        <source>Backup settings</source>
        <translation>备份设置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="45"/>
        <source>The database is backed up each time it is opened and once a day while planmgr runs. Older automatic backups are deleted beyond the numbers below; manual backups and backups made before an upgrade or a restore are always kept.</source>
        <translation>每次打开数据库时，以及程序运行期间每天一次，都会自动备份数据库。超出下列数量的较早自动备份会被删除；手动备份以及升级前、恢复前所做的备份始终保留。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="54"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="58"/>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="61"/>
        <source>Show &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="67"/>
        <source>Optional, e.g. a folder on a USB drive</source>
        <translation>可选，例如 U 盘上的文件夹</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="68"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="74"/>
        <source>When the second folder&apos;s drive is not plugged in, the backup there is skipped silently.</source>
        <translation>第二备份位置所在的磁盘（如 U 盘）未插入时，不在该处备份，也不提示。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="80"/>
        <source>Keep daily backups of the last:</source>
        <translation>保留最近几天的每日备份：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="81"/>
        <source>Keep weekly backups of the last:</source>
        <translation>保留最近几周的每周备份：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="82"/>
        <source>Backup folder:</source>
        <translation>本机备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="83"/>
        <source>Second folder:</source>
        <translation>第二备份位置：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="107"/>
        <source>Second backup folder</source>
        <translation>第二备份位置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/settings_dialog.py" line="113"/>
        <source>Saving the backup settings</source>
        <translation>正在保存备份设置</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/daily.py" line="88"/>
        <source>Automatic backup</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/daily.py" line="101"/>
        <source>Backed up automatically: {path}</source>
        <translation>已自动备份：{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/daily.py" line="105"/>
        <source>Second backup folder</source>
        <translation>第二备份位置</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="109"/>
        <source>Backup contents</source>
        <translation>备份内容</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="123"/>
        <source>Made at:</source>
        <translation>备份时间：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="124"/>
        <source>Own unit:</source>
        <translation>本单位：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="125"/>
        <source>Schema version:</source>
        <translation>结构版本：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="126"/>
        <source>Records:</source>
        <translation>记录数：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="135"/>
        <source>Choose a backup in the list to see what it holds.</source>
        <translation>在列表中选择一个备份，查看其中的内容。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="140"/>
        <source>(not registered)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="144"/>
        <source>This backup can be restored.</source>
        <translation>此备份可以恢复。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="168"/>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="296"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="175"/>
        <source>Replace the open database with one of its backups. The current file is kept as a backup first, so a restore can itself be undone.</source>
        <translation>用一个备份替换当前打开的数据库。当前文件会先另存为备份，因此恢复本身也可以撤销。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="197"/>
        <source>No backups of this database yet. One is made each time it is opened and once a day.</source>
        <translation>尚无此数据库的备份。每次打开数据库时以及每天都会自动备份一次。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="204"/>
        <source>Other &amp;file…</source>
        <translation>其他备份文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="206"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="235"/>
        <source>A shared server database is restored by its administrator (pg_restore).</source>
        <translation>共享服务器数据库由服务器管理员恢复（pg_restore）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="238"/>
        <source>The database is open read-only (another program is using it): it cannot be restored.</source>
        <translation>数据库以只读方式打开（另一个程序正在使用它），不能恢复备份。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="273"/>
        <source>Choose a backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="274"/>
        <source>planmgr databases (*.sqlite *.db);;All files (*)</source>
        <translation>planmgr 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="289"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="289"/>
        <source>Another operation is still running.</source>
        <translation>另一项操作仍在进行中。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="293"/>
        <source>Replace the open database with the backup made at {taken}?

{database}

Changes made after that time are replaced; the current file is kept as a backup first.</source>
        <translation>用 {taken} 的备份替换当前打开的数据库吗？

{database}

该时间之后所做的修改将被替换；当前文件会先另存为备份。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="300"/>
        <source>Restoring the backup</source>
        <translation>正在恢复备份</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="311"/>
        <source>The database was restored from:
{backup}</source>
        <translation>已从以下备份恢复数据库：
{backup}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="313"/>
        <source>The replaced file was kept as:
{kept}</source>
        <translation>原文件已保留为：
{kept}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/restore_dialog.py" line="315"/>
        <source>Backup restored</source>
        <translation>已恢复备份</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/__init__.py" line="66"/>
        <source>&amp;Restore backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/__init__.py" line="71"/>
        <source>Backup &amp;settings…</source>
        <translation>备份设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/__init__.py" line="75"/>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>lock_prompt</name>
    <message>
        <location filename="../../src/planmgr/ui/backup/lock_prompt.py" line="37"/>
        <source>Database already in use</source>
        <translation>数据库正在被使用</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/lock_prompt.py" line="41"/>
        <source>Database folder is read-only</source>
        <translation>数据库所在文件夹是只读的</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/lock_prompt.py" line="42"/>
        <source>The lock file next to the database cannot be created ({reason}); the folder may be read-only: {path}</source>
        <translation>无法在数据库旁创建锁文件（{reason}），该文件夹可能是只读的：{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/backup/lock_prompt.py" line="47"/>
        <source>{reason}

Choose Yes to open it read-only (you can view and print, not change). Choose No to cancel.</source>
        <translation>{reason}

选择“是”以只读方式打开（可以查看和打印，不能修改）；选择“否”取消打开。</translation>
    </message>
</context>
</TS>
