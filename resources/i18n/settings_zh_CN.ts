<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Holidays</name>
    <message>
        <location filename="../../src/planmgr/ui/settings/holidays.py" line="40"/>
        <source>No such date: {text}</source>
        <translation>日期不存在：{text}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/holidays.py" line="43"/>
        <source>Unrecognised date: {text} (write it as {year}-10-01 or 10-1)</source>
        <translation>无法识别的日期：{text}（请写成 {year}-10-01 或 10月1日）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/holidays.py" line="62"/>
        <source>Unrecognised date range: {text}</source>
        <translation>无法识别的日期范围：{text}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/holidays.py" line="68"/>
        <source>The date range ends before it starts: {text}</source>
        <translation>日期范围的结束早于开始：{text}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/holidays.py" line="74"/>
        <source>The date range is too long (more than {days} days): {text}</source>
        <translation>日期范围过长（超过 {days} 天）：{text}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/holidays.py" line="95"/>
        <source>{first} ~ {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="43"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="44"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="45"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="46"/>
        <source>In this database</source>
        <translation>本数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="47"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="48"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="89"/>
        <source>Every {n} months</source>
        <translation>每 {n} 个月</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="90"/>
        <source>Within {n} working days</source>
        <translation>{n} 个工作日内</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/rules_model.py" line="162"/>
        <source>Default: {period}, counted from: {anchor}
Source: {source}</source>
        <translation>默认：{period}，起算：{anchor}
依据：{source}</translation>
    </message>
</context>
<context>
    <name>SettingsJobs</name>
    <message>
        <location filename="../../src/planmgr/ui/settings/jobs.py" line="68"/>
        <source>In an enterprise database, the own unit must be of the kind “{kind}”.</source>
        <translation>企业模式的数据库，其本单位类型必须是“{kind}”</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="97"/>
        <location filename="../../src/planmgr/ui/settings/page.py" line="124"/>
        <source>Own unit</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="98"/>
        <source>Due rules</source>
        <translation>到期规则</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="99"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="100"/>
        <source>Filing numbers</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="101"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="104"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="118"/>
        <location filename="../../src/planmgr/ui/settings/page.py" line="182"/>
        <location filename="../../src/planmgr/ui/settings/page.py" line="272"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="123"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="131"/>
        <source>The own unit is the unit this database belongs to: an emergency office (city, department, town) or, in enterprise mode, an enterprise. Filing packages are sent in its name. Add it on the Units page first if it is not in the list.</source>
        <translation>本单位是这个数据库所属的单位：应急管理部门（市县政府、部门、乡镇街道），企业模式下则是一家企业。备案材料包以本单位的名义报送。列表中没有时，请先在“单位”页面新建。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="170"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="172"/>
        <source>Default: {days} days. Items due within this window are shown as due soon.</source>
        <translation>默认 {days} 天。在此天数内到期的事项显示为“即将到期”。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="178"/>
        <source>Default for selected rule</source>
        <translation>所选规则恢复默认</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="180"/>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="187"/>
        <source>Due soon window</source>
        <translation>即将到期提前天数</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="195"/>
        <source>Cycles and deadlines of the due list, with the regulation each one comes from. Where your region sets its own (many set a 12-month evaluation for towns and villages), double-click the value in &quot;In this database&quot; to change it, then save. Bold: differs from the default.</source>
        <translation>到期清单所用的周期和期限，以及各自的依据。本地区另有规定的（不少地方规定乡镇、村每 12 个月评估一次），双击“本数据库”一栏中的数值修改后保存。粗体表示与默认值不同。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="220"/>
        <source>e.g.
1月1日
2月5日至2月12日
10-1~10-7</source>
        <translation>例如：
1月1日
2月5日至2月12日
10-1~10-7</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="224"/>
        <source>e.g.
2月1日
9月26日</source>
        <translation>例如：
2月1日
9月26日</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="228"/>
        <source>Delete this year</source>
        <translation>删除该年</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="230"/>
        <source>Save this year</source>
        <translation>保存该年</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="235"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="239"/>
        <source>Days off (holidays)</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="240"/>
        <source>Make-up working days (weekends worked)</source>
        <translation>调休上班日期（周末上班）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="248"/>
        <source>Filing and publication deadlines count working days. The built-in calendar knows the holidays of {first} to {last}. For a later year, enter the State Council&apos;s holiday arrangement here: one date or range per line. Until then such a year is counted Monday to Friday and its due dates are marked as estimated.</source>
        <translation>备案和公开期限按工作日计算。本程序内置 {first} 至 {last} 年的节假日安排；以后的年份，请在此录入国务院办公厅公布的放假安排，每行一个日期或日期范围。录入之前，该年按周一至周五计算工作日，相关到期日标注为估算。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="268"/>
        <source>Default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="276"/>
        <source>Pattern</source>
        <translation>编号格式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="277"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="283"/>
        <source>Filing numbers given when a filing is registered. There is no national format: build yours from {region} (the own unit&apos;s region code), {year} and {seq} (the serial number of the year; {seq:04d} pads it to 4 digits).</source>
        <translation>登记备案时给出的备案编号。国家没有统一格式，可用 {region}（本单位行政区划代码）、{year}（年份）和 {seq}（当年序号；{seq:04d} 补足 4 位）组成。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="301"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="320"/>
        <source>Takes effect the next time planmgr starts.</source>
        <translation>下次启动 planmgr 时生效。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="337"/>
        <location filename="../../src/planmgr/ui/settings/page.py" line="414"/>
        <source>Could not read the settings</source>
        <translation>无法读取设置</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="383"/>
        <source>This database has no own unit yet: choose it below.</source>
        <translation>本数据库尚未登记本单位，请在下面选择。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="387"/>
        <source>Own unit: {name} ({kind}); mode: {mode}</source>
        <translation>本单位：{name}（{kind}）；模式：{mode}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="421"/>
        <source>(no unit of this kind: add it on the Units page)</source>
        <translation>（没有此类单位，请先在“单位”页面新建）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="429"/>
        <source>Saving the own unit</source>
        <translation>保存本单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="448"/>
        <source>Unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="473"/>
        <source>Saving the due rules</source>
        <translation>保存到期规则</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="487"/>
        <source>Entered: {years}</source>
        <translation>已录入：{years}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="489"/>
        <source>No year entered yet.</source>
        <translation>尚未录入任何年份。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="510"/>
        <source>The built-in calendar already knows {year}: nothing to enter.</source>
        <translation>本程序已内置 {year} 年的节假日安排，无需录入。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="523"/>
        <source>{off} days off, {on} make-up working days</source>
        <translation>放假 {off} 天，调休上班 {on} 天</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="540"/>
        <source>Saving the holidays of {year}</source>
        <translation>保存 {year} 年节假日</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="551"/>
        <source>Delete the holidays</source>
        <translation>删除节假日安排</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="553"/>
        <source>Delete the holidays entered for {year}? Its working days are then counted Monday to Friday.</source>
        <translation>删除已录入的 {year} 年节假日安排吗？删除后该年按周一至周五计算工作日。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="558"/>
        <source>Deleting the holidays of {year}</source>
        <translation>删除 {year} 年节假日</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="581"/>
        <source>{first}, then {second}</source>
        <translation>{first}，其后为 {second}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="589"/>
        <source>Saving the filing-number pattern</source>
        <translation>保存备案编号格式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/settings/page.py" line="600"/>
        <source>Saved. Takes effect the next time planmgr starts.</source>
        <translation>已保存，下次启动 planmgr 时生效。</translation>
    </message>
</context>
</TS>
