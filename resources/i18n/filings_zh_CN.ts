<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FilingsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="15" />
        <source>Filings</source>
        <translation>备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="17" />
        <source>No filings here yet</source>
        <translation>尚无备案记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="19" />
        <source>Submissions of plans for filing, returned filings with their one-time notice of missing materials, and filing numbers will be tracked on this page. Meanwhile: planmgr filing list --db DATABASE</source>
        <translation>预案备案的报送、退回补正（一次性告知所缺材料）和备案编号将在本页跟踪。在此之前，可在命令行查看：planmgr filing list --db 数据库</translation>
    </message>
</context>
</TS>