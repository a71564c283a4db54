<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DrillsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="15" />
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="17" />
        <source>No drill records here yet</source>
        <translation>尚无演练记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="19" />
        <source>Planned and completed drills, their evaluations and summaries will be kept on this page. Until it is ready, import a drills ledger from the command line: planmgr ledger import drills FILE.xlsx --db DATABASE</source>
        <translation>计划中和已完成的演练、演练评估和总结将在本页管理。本页完成之前，可在命令行导入演练台账：planmgr ledger import drills 台账.xlsx --db 数据库</translation>
    </message>
</context>
</TS>