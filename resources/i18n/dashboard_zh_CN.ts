<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CategoryChart</name>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="89"/>
        <source>Plans by category</source>
        <translation>各类别预案数</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="92"/>
        <source>In force</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="94"/>
        <source>Drafting or in review</source>
        <translation>编制或评审中</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="96"/>
        <source>Superseded or abolished</source>
        <translation>已替代或废止</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="96"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="100"/>
        <source>Dashboard</source>
        <translation>首页看板</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="105"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="106"/>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="234"/>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="133"/>
        <source>This database is empty</source>
        <translation>数据库中还没有数据</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="135"/>
        <source>Register your own unit on the Settings page (or create a new database with File &gt; New database), then add units on the Units page or import the units and plans ledgers (planmgr ledger import units|plans FILE.xlsx --db DATABASE). To look around first, open the demo database: planmgr gui --demo</source>
        <translation>先在“设置”页面登记本单位（或用“文件 › 新建数据库”新建一个数据库），再在“单位”页面添加单位，或导入单位和预案台账（planmgr ledger import units|plans 文件.xlsx --db 数据库）。想先看看效果，可打开演示数据库：planmgr gui --demo</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="157"/>
        <source>All kinds</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="161"/>
        <source>Needs attention (overdue, due soon)</source>
        <translation>需关注（逾期和即将到期）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="162"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="166"/>
        <source>Find a unit or plan</source>
        <translation>查找单位或预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="207"/>
        <source>Due drills, evaluations, filings and corrective actions</source>
        <translation>到期的演练、评估、备案和整改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="235"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="237"/>
        <source>Key enterprises</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="265"/>
        <source>Reading the dashboard</source>
        <translation>读取首页看板</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="298"/>
        <source>Could not update; press F5 to try again.</source>
        <translation>未能更新，请按 F5 重试。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="310"/>
        <source>As of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="339"/>
        <source>{shown} of {total} items</source>
        <translation>显示 {shown} / {total} 项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="343"/>
        <source>Nothing is overdue or due soon. Choose &quot;All statuses&quot; to see every item.</source>
        <translation>目前没有逾期或即将到期的事项。选择“全部状态”可查看所有事项。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/page.py" line="345"/>
        <source>No item matches the filters.</source>
        <translation>没有符合条件的事项。</translation>
    </message>
</context>
<context>
    <name>DrillsChart</name>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="114"/>
        <source>Drills per month, {first} to {last}</source>
        <translation>每月演练次数（{first} 至 {last}）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="120"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="121"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="125"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="51"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="52"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="53"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="54"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="55"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="56"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="57"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="163"/>
        <source>(the unit as a whole)</source>
        <translation>（全单位）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="175"/>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="185"/>
        <source>Overdue by {days} days</source>
        <translation>逾期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="187"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="176"/>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="187"/>
        <source>Due in {days} days</source>
        <translation>{days} 天后到期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="193"/>
        <source>Counted from {date}</source>
        <translation>自 {date} 起算</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="197"/>
        <source>Working days estimated Monday to Friday: enter that year&apos;s holidays on the Settings page.</source>
        <translation>工作日按周一至周五估算：请在“设置”页面录入该年的节假日安排。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/due_model.py" line="201"/>
        <source>Double-click to open it.</source>
        <translation>双击打开。</translation>
    </message>
</context>
<context>
    <name>FilingRateChart</name>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="141"/>
        <source>Filing rate of key enterprises: no key enterprises registered</source>
        <translation>重点企业应急预案备案率：尚未登记重点企业</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="144"/>
        <source>Filing rate of key enterprises {rate:.1f}% ({filed}/{total}), target 100%</source>
        <translation>重点企业应急预案备案率 {rate:.1f}%（{filed}/{total}），目标 100%</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="156"/>
        <source>Target reached</source>
        <translation>已达标</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/dashboard/charts.py" line="157"/>
        <source>Below target</source>
        <translation>未达标</translation>
    </message>
</context>
</TS>
