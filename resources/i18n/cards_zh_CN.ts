<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="15" />
        <source>Handling cards</source>
        <translation>处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="17" />
        <source>No handling cards here yet</source>
        <translation>这里还没有处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="19" />
        <source>Emergency handling cards for each post, drawn from on-site plans, will be edited and printed on this page. Meanwhile they can be printed from the command line: planmgr print cards --db DATABASE --all -o cards.pdf</source>
        <translation>各岗位的应急处置卡（依据现场处置方案编制）将在本页编辑和打印。在此之前，可在命令行打印：planmgr print cards --db 数据库 --all -o cards.pdf</translation>
    </message>
</context>
</TS>