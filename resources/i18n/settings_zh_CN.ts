<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="15" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="17" />
        <source>Settings are not editable here yet</source>
        <translation>设置暂不能在此修改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="19" />
        <source>This database's own unit, its mode (emergency office or enterprise) and regional rules will be set on this page. Meanwhile, register the own unit with: planmgr init --db DATABASE --unit-name NAME --unit-kind KIND</source>
        <translation>本数据库的本单位、使用模式（应急管理部门或企业）和地方规则将在本页设置。在此之前，可在命令行登记本单位：planmgr init --db 数据库 --unit-name 单位名称 --unit-kind 单位类型</translation>
    </message>
</context>
</TS>