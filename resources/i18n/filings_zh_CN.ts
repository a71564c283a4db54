<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CandidateModel</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="32"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="33"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="34"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="35"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="36"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="76"/>
        <source>Resubmission after a return</source>
        <translation>退回补正后重新报送</translation>
    </message>
</context>
<context>
    <name>DeclarationPage</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="218"/>
        <source>Declaration form</source>
        <translation>备案申报表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="221"/>
        <source>The fields of the declaration form (ENT Art.27). Unit name, address and legal representative come from the unit&apos;s record.</source>
        <translation>备案申报表的各项内容（《生产安全事故应急预案管理办法》第二十七条）。单位名称、地址、法定代表人取自本单位信息。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="233"/>
        <source>in 10,000 yuan</source>
        <translation>单位：万元</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="240"/>
        <source>Contact person*:</source>
        <translation>联系人*：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="241"/>
        <source>Phone*:</source>
        <translation>联系电话*：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="242"/>
        <source>Fax:</source>
        <translation>传真：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="243"/>
        <source>E-mail:</source>
        <translation>电子信箱：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="244"/>
        <source>Total assets (10,000 yuan):</source>
        <translation>资产总额（万元）：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="245"/>
        <source>Employees:</source>
        <translation>从业人数：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="246"/>
        <source>Date:</source>
        <translation>申报日期：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="262"/>
        <source>Unit:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="263"/>
        <source>Credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="264"/>
        <source>Legal representative:</source>
        <translation>法定代表人：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="265"/>
        <source>Industry:</source>
        <translation>行业类型：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="266"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="263"/>
        <source>(missing — fill it in the unit&apos;s record first)</source>
        <translation>（缺少——请先在单位信息中填写）</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/diff_dialog.py" line="20"/>
        <source>Changes since the last filing — {plan}</source>
        <translation>与上次备案相比的变化——{plan}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/diff_dialog.py" line="52"/>
        <source>This is the first filing of “{plan}”: there is nothing to compare it with.</source>
        <translation>这是“{plan}”的首次备案，没有可比较的上次备案。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/diff_dialog.py" line="58"/>
        <source>Version {this} against version {old} (submitted {day}, {status}).</source>
        <translation>本次 {this} 与上次 {old}（{day} 报送，{status}）相比。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/diff_dialog.py" line="66"/>
        <source>No section changed.</source>
        <translation>各章节均无变化。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/diff_dialog.py" line="74"/>
        <source>Changed sections: {sections}.</source>
        <translation>有变化的章节：{sections}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/diff_dialog.py" line="78"/>
        <source>Check carefully — changed: {flags}.</source>
        <translation>请重点核对——以下内容有变化：{flags}。</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="359"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="360"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="361"/>
        <source>Last filing</source>
        <translation>上次备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="362"/>
        <source>This filing</source>
        <translation>本次备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="363"/>
        <source>Watch</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="366"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="367"/>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="368"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>FilingActions</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="57"/>
        <source>No background worker is available.</source>
        <translation>后台任务不可用。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="65"/>
        <source>Filing declaration form</source>
        <translation>备案申报表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="66"/>
        <source>Formal check form</source>
        <translation>形式审查表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="67"/>
        <source>Filing registration form</source>
        <translation>备案登记表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="68"/>
        <source>One-time notice of missing materials</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="78"/>
        <source>Save {form} as</source>
        <translation>{form}另存为</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="98"/>
        <source>Saved {form}:
{path}</source>
        <translation>已保存{form}：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="101"/>
        <source>Printing {form}</source>
        <translation>正在生成{form}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="108"/>
        <source>Save the answer file</source>
        <translation>保存答复文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="109"/>
        <source>Filing answer files (*.planreply)</source>
        <translation>备案答复文件 (*.planreply)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="111"/>
        <source>filing answer-{name}.planreply</source>
        <translation>备案答复-{name}.planreply</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="111"/>
        <source>filing</source>
        <translation>备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="129"/>
        <source>Answer file written</source>
        <translation>已生成答复文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="131"/>
        <source>The answer file was saved:
{path}

Give it to the enterprise; it imports it to update its filing status.</source>
        <translation>答复文件已保存：
{path}

请交给企业，企业导入后即可更新其备案状态。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="136"/>
        <source>Writing the answer file</source>
        <translation>正在生成答复文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="141"/>
        <source>Import a filing package</source>
        <translation>导入备案包</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="142"/>
        <source>Filing packages (*.planpkg);;All files (*)</source>
        <translation>备案包 (*.planpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="158"/>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="197"/>
        <source>Importing the filing package</source>
        <translation>导入备案包</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="166"/>
        <source> (newly registered)</source>
        <translation>（新登记）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="168"/>
        <source>Imported the package with fingerprint {fingerprint}.

Filing unit: {unit}{created}, town: {town}
Plans: {plans}

Check it within 5 working days (ENT Art.28): select it and click Formal check.</source>
        <translation>已导入备案包，指纹 {fingerprint}。

报送单位：{unit}{created}，所属：{town}
预案：{plans}

请在 5 个工作日内完成形式审查（《生产安全事故应急预案管理办法》第二十八条）：选中该备案，点击“形式审查与答复”。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="179"/>
        <source>This is a resubmission after a return.</source>
        <translation>这是退回补正后的重新报送。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="181"/>
        <source>Filing package imported</source>
        <translation>备案包已导入</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="192"/>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="206"/>
        <source>Filing package not imported</source>
        <translation>备案包未导入</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="219"/>
        <source>Import the authority&apos;s answer file</source>
        <translation>导入受理部门的答复文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="220"/>
        <source>Filing answer files (*.planreply);;All files (*)</source>
        <translation>备案答复文件 (*.planreply);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="232"/>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="270"/>
        <source>Importing the answer file</source>
        <translation>导入答复文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="243"/>
        <source>This answer had been imported before; nothing changed: {plans}</source>
        <translation>该答复此前已导入，备案状态未变：{plans}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="247"/>
        <source>Filed: {plans}
Filing number {number}, registered on {day}.</source>
        <translation>已备案：{plans}
备案编号 {number}，登记日期 {day}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="253"/>
        <source>Returned for completion on {day}: {plans}

Missing (all at once):
{items}

Complete them and file again with New filing.</source>
        <translation>{day} 退回补正：{plans}

需补正的全部材料：
{items}

请补齐后点击“新建备案”重新报送。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="257"/>
        <source>Answer file imported</source>
        <translation>答复文件已导入</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="265"/>
        <source>Answer file not imported</source>
        <translation>答复文件未导入</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="278"/>
        <source>Export the filings ledger</source>
        <translation>导出备案台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="279"/>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="280"/>
        <source>filings ledger.xlsx</source>
        <translation>备案台账.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="298"/>
        <source>Ledger exported</source>
        <translation>台账已导出</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="299"/>
        <source>Exported {rows} filings to:
{path}</source>
        <translation>已导出 {rows} 条备案到：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/actions.py" line="302"/>
        <source>Exporting the filings ledger</source>
        <translation>导出备案台账</translation>
    </message>
</context>
<context>
    <name>FilingDetail</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="61"/>
        <source>Filing unit:</source>
        <translation>报送单位：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="62"/>
        <source>Credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="63"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="64"/>
        <source>Published:</source>
        <translation>发布日期：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="65"/>
        <source>Authority:</source>
        <translation>受理部门：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="66"/>
        <source>Submitted:</source>
        <translation>报送日期：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="67"/>
        <source>Check due:</source>
        <translation>审查期限：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="68"/>
        <source>Filing number:</source>
        <translation>备案编号：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="69"/>
        <source>Registered:</source>
        <translation>登记日期：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="70"/>
        <source>Fingerprint:</source>
        <translation>备案包指纹：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="85"/>
        <source>Formal check and answer…</source>
        <translation>形式审查与答复…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="89"/>
        <source>Export answer file…</source>
        <translation>导出答复文件…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="92"/>
        <source>Compare with last filing…</source>
        <translation>与上次备案比较…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="95"/>
        <source>Print declaration form…</source>
        <translation>打印备案申报表…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="99"/>
        <source>Print registration form…</source>
        <translation>打印备案登记表…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="102"/>
        <source>Print one-time notice…</source>
        <translation>打印一次性告知书…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="105"/>
        <source>Print formal check form…</source>
        <translation>打印形式审查表…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="117"/>
        <source>Select a filing in the list to see its details.</source>
        <translation>在列表中选择一项备案，这里显示详情。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="157"/>
        <source> (no answer within the check period, ENT Art.28)</source>
        <translation>（审查期限内未答复，依《生产安全事故应急预案管理办法》第二十八条视为已经备案）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="159"/>
        <source> — check due by {day}</source>
        <translation>——审查期限 {day}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="198"/>
        <source> (not provided)</source>
        <translation>（未提供）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="201"/>
        <source>Materials</source>
        <translation>备案材料</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="206"/>
        <source>Returned on {day}; missing, all at once:</source>
        <translation>{day} 退回补正，一次性告知需补正：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/detail.py" line="210"/>
        <source>Complete them, then file again with New filing.</source>
        <translation>请补齐后点击“新建备案”重新报送。</translation>
    </message>
</context>
<context>
    <name>FilingTableModel</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="94"/>
        <source>Filing unit</source>
        <translation>报送单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="95"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="97"/>
        <source>Submitted</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="98"/>
        <source>Check due</source>
        <translation>审查期限</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="99"/>
        <source>Filing number</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="100"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="101"/>
        <source>Authority</source>
        <translation>受理部门</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="178"/>
        <source>The check period ended on {day} without an answer: deemed filed (ENT Art.28).</source>
        <translation>审查期限 {day} 已过而未答复，视为已经备案（《生产安全事故应急预案管理办法》第二十八条）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="181"/>
        <source>Waiting for the formal check; due by {day}.</source>
        <translation>等待形式审查，期限 {day}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="183"/>
        <source>Returned for completion on {day}: {items}</source>
        <translation>{day} 退回补正：{items}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="187"/>
        <source>Filed on {day} under number {number}.</source>
        <translation>{day} 已备案，备案编号 {number}。</translation>
    </message>
</context>
<context>
    <name>FilingWizard</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="430"/>
        <source>New filing</source>
        <translation>新建备案</translation>
    </message>
</context>
<context>
    <name>FilingsListView</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="87"/>
        <source>Import filing package…</source>
        <translation>导入备案包…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="90"/>
        <source>Import a .planpkg an enterprise submitted (you may also drag the file onto this page).</source>
        <translation>导入企业报送的备案包 .planpkg（也可以把文件拖到本页）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="96"/>
        <source>New filing…</source>
        <translation>新建备案…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="98"/>
        <source>Pick published plans, attach the materials, write the package.</source>
        <translation>选择已发布的预案，附上材料，生成备案包。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="102"/>
        <source>Import answer file…</source>
        <translation>导入答复文件…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="103"/>
        <source>Import the .planreply the authority gave back.</source>
        <translation>导入受理部门返回的答复文件 .planreply。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="106"/>
        <source>Import ledger…</source>
        <translation>导入台账…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="107"/>
        <source>Import a filings ledger (xlsx or csv).</source>
        <translation>导入备案台账（xlsx 或 csv）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="110"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="111"/>
        <source>Export the filings listed now as a ledger (xlsx or csv).</source>
        <translation>把列表中当前显示的备案导出为台账（xlsx 或 csv）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="117"/>
        <source>Search unit, plan or filing number</source>
        <translation>搜索单位、预案或备案编号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="119"/>
        <source>Search plan or filing number</source>
        <translation>搜索预案或备案编号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="124"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="183"/>
        <source>No filings yet</source>
        <translation>尚无备案记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="185"/>
        <source>Drag a filing package (.planpkg) an enterprise submitted onto this page, or click “Import filing package…”. Filings kept in a spreadsheet: “Import ledger…”. On the command line: planmgr package import FILE --db DATABASE</source>
        <translation>把企业报送的备案包（.planpkg）拖到本页，或点击“导入备案包…”。备案情况记在表格里的，点击“导入台账…”。命令行：planmgr package import 文件 --db 数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="193"/>
        <source>No filings sent yet</source>
        <translation>尚未报送备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="195"/>
        <source>Click “New filing…”: pick the published plans, attach the materials, and write the filing package (.planpkg) and the declaration form for the authority. On the command line: planmgr package export --db DATABASE -o FILE.planpkg</source>
        <translation>点击“新建备案…”：选择已发布的预案，附上材料，生成交给受理部门的备案包（.planpkg）和备案申报表。命令行：planmgr package export --db 数据库 -o 文件.planpkg</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="236"/>
        <source>Reading the filings</source>
        <translation>读取备案记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="262"/>
        <source>{shown} of {total} filings shown</source>
        <translation>共 {total} 项备案，显示 {shown} 项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="325"/>
        <source>Could not read the filing</source>
        <translation>无法读取该备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/list_view.py" line="351"/>
        <source>Could not compare</source>
        <translation>无法比较</translation>
    </message>
</context>
<context>
    <name>FilingsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="34"/>
        <source>Filings</source>
        <translation>备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="42"/>
        <source>Filings received</source>
        <translation>收到的备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="43"/>
        <source>Filing rates</source>
        <translation>备案率统计</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="53"/>
        <source>This database has no own unit yet</source>
        <translation>本数据库尚未登记本单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="55"/>
        <source>Filing needs to know who this database belongs to: an enterprise that files its plans, or an emergency office that receives them. Register it first: planmgr init --db DATABASE --unit-name NAME --unit-kind KIND --mode office|enterprise</source>
        <translation>备案需要知道本数据库属于谁：报送预案的企业，还是受理备案的应急管理部门。请先登记：planmgr init --db 数据库 --unit-name 单位名称 --unit-kind 单位类型 --mode office|enterprise</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="108"/>
        <source>Could not read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="123"/>
        <source>{unit} receives filings: check each submission within 5 working days, then register it or return it listing everything missing at once (ENT Art.28).</source>
        <translation>{unit}受理备案：收到报送后 5 个工作日内完成形式审查，予以备案登记，或一次性告知需补正的全部材料后退回（《生产安全事故应急预案管理办法》第二十八条）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/page.py" line="131"/>
        <source>{unit} files its published plans with the authority within 20 working days (ENT Art.26).</source>
        <translation>{unit}应在预案公布之日起 20 个工作日内向受理部门报送备案（《生产安全事故应急预案管理办法》第二十六条）。</translation>
    </message>
</context>
<context>
    <name>FormalCheckDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="57"/>
        <source>Formal check — {unit}</source>
        <translation>形式审查——{unit}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="69"/>
        <source>Formal check items</source>
        <translation>形式审查项目</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="84"/>
        <source>What is wrong (when it does not pass)</source>
        <translation>不符合时说明问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="92"/>
        <source>All items pass</source>
        <translation>全部符合</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="96"/>
        <source>Register (filed)</source>
        <translation>予以备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="99"/>
        <source>Filing number:</source>
        <translation>备案编号：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="101"/>
        <source>Made from the region&apos;s numbering pattern; you may change it.</source>
        <translation>按本地区的备案编号规则生成，可以修改。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="108"/>
        <source>Register…</source>
        <translation>登记备案…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="113"/>
        <source>Return for completion (one-time notice)</source>
        <translation>退回补正（一次性告知）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="115"/>
        <source>Everything missing, one item a line:</source>
        <translation>需补正的全部材料，每行一项：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="120"/>
        <source>Note to the enterprise (optional)</source>
        <translation>给企业的说明（可不填）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="122"/>
        <source>Return…</source>
        <translation>退回补正…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="165"/>
        <source>Submitted {submitted}, check due by {due}; fingerprint {fingerprint}</source>
        <translation>{submitted} 报送，审查期限 {due}；备案包指纹 {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="170"/>
        <source>Materials</source>
        <translation>备案材料</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="205"/>
        <source>Registering needs every check item to pass.</source>
        <translation>各审查项目均符合要求后才能登记备案。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="208"/>
        <source>Note: some materials were not provided.</source>
        <translation>注意：部分材料未提供。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="211"/>
        <source>Formal check passed: meets the requirements, to be filed.</source>
        <translation>经形式审查，符合要求，予以备案。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="245"/>
        <source>Someone else has dealt with this filing since you opened it; your answer was not saved. Close this window and refresh (F5) to see its state now.</source>
        <translation>您打开本窗口后，该备案已被其他人处理或修改，您的答复没有保存。请关闭本窗口并刷新（F5）查看它现在的状态。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="261"/>
        <source>Register</source>
        <translation>登记备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="261"/>
        <source>Enter the filing number.</source>
        <translation>请填写备案编号。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="273"/>
        <source>Registering the filing</source>
        <translation>登记备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="280"/>
        <source>Return for completion</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="281"/>
        <source>List everything that is missing (all at once), one item a line.</source>
        <translation>请列出需要补正的全部材料（一次性告知），每行一项。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/check_dialog.py" line="295"/>
        <source>Returning the filing</source>
        <translation>退回补正</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="111"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="111"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="111"/>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="177"/>
        <source>{count} file(s) attached</source>
        <translation>已附 {count} 个文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="179"/>
        <source>Made by this wizard</source>
        <translation>由本向导生成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="181"/>
        <source>Attached to the plan versions</source>
        <translation>随预案版本附带</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="182"/>
        <source>No file attached</source>
        <translation>未附文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard_models.py" line="192"/>
        <source>Required of units on the review list (ENT Art.21).</source>
        <translation>列入评审名单的单位须提供（《生产安全事故应急预案管理办法》第二十一条）。</translation>
    </message>
</context>
<context>
    <name>MaterialsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="113"/>
        <source>Materials</source>
        <translation>备案材料</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="116"/>
        <source>Attach a file for each item (ENT Art.27). The declaration form is made by this wizard; documents attached to the plan versions travel as the plans&apos; electronic text.</source>
        <translation>为每项材料附上文件（《生产安全事故应急预案管理办法》第二十七条）。备案申报表由本向导生成；预案版本已附的文档作为预案电子文档一并报送。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="126"/>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="128"/>
        <source>Remove files</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="166"/>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="181"/>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="190"/>
        <source>Attach file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="166"/>
        <source>Select the material the file is for first.</source>
        <translation>请先选中文件对应的材料项目。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="171"/>
        <source>File for “{item}”</source>
        <translation>“{item}”的文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="172"/>
        <source>Documents (*.pdf *.doc *.docx *.wps *.jpg *.jpeg *.png *.zip);;All files (*)</source>
        <translation>文档 (*.pdf *.doc *.docx *.wps *.jpg *.jpeg *.png *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="182"/>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="191"/>
        <source>“{file}” is {size}; a file must hold something and be at most {limit}.</source>
        <translation>“{file}”大小为 {size}；文件不能为空，且不超过 {limit}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="206"/>
        <source>No file yet for: {items}. The authority may return the filing for completion.</source>
        <translation>以下材料尚未附文件：{items}。受理部门可能退回补正。</translation>
    </message>
</context>
<context>
    <name>MissingModel</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="311"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="312"/>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="313"/>
        <source>Key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="314"/>
        <source>Must file</source>
        <translation>应备案企业</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="315"/>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="328"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="328"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="62"/>
        <source>Plans to file</source>
        <translation>选择报送的预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="65"/>
        <source>Published plans whose current version has not been filed yet. File within 20 working days of publication (ENT Art.26).</source>
        <translation>已发布、现行版本尚未备案的预案。请在公布之日起 20 个工作日内报送（《生产安全事故应急预案管理办法》第二十六条）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="79"/>
        <source>There is nothing to file: every published plan has been filed or is waiting for the authority. Publish a plan (or a revision) first.</source>
        <translation>没有需要报送的预案：已发布的预案都已备案或正在审查。请先发布预案（或修订版本）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="86"/>
        <source>e.g. the town&apos;s emergency management office</source>
        <translation>如 某某镇应急管理办公室</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="88"/>
        <source>Receiving authority:</source>
        <translation>受理部门：</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="58"/>
        <source>A submission unanswered past its check period counts as filed.</source>
        <translation>审查期限已过而未答复的报送计为已备案。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="59"/>
        <source>Count</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="61"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="65"/>
        <source>As of:</source>
        <translation>统计日期：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="116"/>
        <source>Counting filing rates</source>
        <translation>统计备案率</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="136"/>
        <source>As of {day}: key enterprises {key_filed}/{key_total} filed ({key_rate}); must-file enterprises {must_filed}/{must_total} filed ({must_rate}). Deemed filings count as filed.</source>
        <translation>截至 {day}：重点企业已备案 {key_filed}/{key_total}（{key_rate}）；应备案企业已备案 {must_filed}/{must_total}（{must_rate}）。视为备案计为已备案。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="149"/>
        <source>Enterprises not filed: {count}</source>
        <translation>未备案企业：{count} 家</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="151"/>
        <source>Every counted enterprise has filed.</source>
        <translation>统计范围内的企业均已备案。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="159"/>
        <source>Export the filing statistics</source>
        <translation>导出备案率统计</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="160"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="161"/>
        <source>filing rates-{day}.xlsx</source>
        <translation>备案率统计-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="176"/>
        <source>Exporting the filing statistics</source>
        <translation>导出备案率统计</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="179"/>
        <source>Statistics exported</source>
        <translation>统计表已导出</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/stats_view.py" line="179"/>
        <source>Saved to:
{path}</source>
        <translation>已保存到：
{path}</translation>
    </message>
</context>
<context>
    <name>TownDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/town_dialog.py" line="20"/>
        <source>Which town does the enterprise belong to?</source>
        <translation>企业属于哪个乡镇（街道）？</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/town_dialog.py" line="24"/>
        <source>The package was not imported yet:
{reason}

Choose the town (or sub-district) the enterprise belongs to, and the package is imported again under it.</source>
        <translation>备案包尚未导入：
{reason}

请选择企业所属的乡镇（街道），然后按所选乡镇重新导入。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/town_dialog.py" line="36"/>
        <source>Import under this town</source>
        <translation>按此乡镇导入</translation>
    </message>
</context>
<context>
    <name>TownRateModel</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="258"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="259"/>
        <source>Key enterprises</source>
        <translation>重点企业数</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="260"/>
        <location filename="../../src/planmgr/ui/filings/models.py" line="263"/>
        <source>Filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="261"/>
        <location filename="../../src/planmgr/ui/filings/models.py" line="264"/>
        <source>Filing rate</source>
        <translation>备案率</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/models.py" line="262"/>
        <source>Must-file enterprises</source>
        <translation>应备案企业数</translation>
    </message>
</context>
<context>
    <name>WritePage</name>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="301"/>
        <source>Write the filing package</source>
        <translation>生成备案包</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="304"/>
        <source>Write the .planpkg (e.g. to a USB stick), then print the declaration form: it carries the package&apos;s fingerprint so the paper and the file can be matched.</source>
        <translation>先生成备案包 .planpkg（如存到 U 盘），再打印备案申报表：申报表上印有备案包指纹，便于受理部门核对纸质材料与文件。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="311"/>
        <source>Write filing package…</source>
        <translation>生成备案包…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="318"/>
        <source>Print declaration form…</source>
        <translation>打印备案申报表…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="338"/>
        <source> — resubmission</source>
        <translation>（重新报送）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="344"/>
        <source>To {authority}:</source>
        <translation>报送{authority}：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="346"/>
        <source>No file for: {items}. The authority may return the filing.</source>
        <translation>以下材料未附文件：{items}。受理部门可能退回补正。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="359"/>
        <source>Save the filing package</source>
        <translation>保存备案包</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="360"/>
        <source>Filing packages (*.planpkg)</source>
        <translation>备案包 (*.planpkg)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="361"/>
        <source>filing package-{day}.planpkg</source>
        <translation>备案包-{day}.planpkg</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="390"/>
        <source>Writing the filing package</source>
        <translation>生成备案包</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="399"/>
        <source>Fingerprint: {fingerprint}</source>
        <translation>指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/filings/wizard.py" line="402"/>
        <source>Written: {path}
Now print the declaration form, stamp it, and send it with the file to {authority}.</source>
        <translation>已生成：{path}
请打印备案申报表并加盖公章，连同备案包一并交{authority}。</translation>
    </message>
</context>
</TS>
