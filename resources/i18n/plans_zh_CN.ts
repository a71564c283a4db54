<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentsEditor</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="198"/>
        <source>The plan text and its scans: Word (docx, doc), PDF and images, each at most {size}. They are kept inside the database and go with the next published version.</source>
        <translation>预案文本及其扫描件：Word（docx、doc）、PDF 和图片，每个文件不超过 {size}。附件保存在数据库中，发布时随新版本一起归档。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="219"/>
        <source>By file type</source>
        <translation>按文件类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="222"/>
        <source>Kind of the next file you add</source>
        <translation>下一个添加的文件属于哪类附件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="223"/>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="224"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="225"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="230"/>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="263"/>
        <source>Add a document to the plan</source>
        <translation>为预案添加附件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="264"/>
        <source>Plan documents ({patterns})</source>
        <translation>预案附件 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="275"/>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="280"/>
        <source>Cannot add the file</source>
        <translation>不能添加该文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="281"/>
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取该文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="298"/>
        <source>Opening “{name}”</source>
        <translation>正在打开“{name}”</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="308"/>
        <source>Open document</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="310"/>
        <source>No program on this computer opens this kind of file. It was saved as:
{path}</source>
        <translation>本机没有能打开此类文件的程序。文件已保存为：
{path}</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="103"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="103"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="103"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="103"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="166"/>
        <source>saved when the plan is saved</source>
        <translation>保存预案时存入</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="166"/>
        <source>stored</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="173"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="174"/>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="175"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="176"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="177"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>AuditTrailDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="240"/>
        <source>Audit trail of “{title}”</source>
        <translation>“{title}”的审计记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="256"/>
        <source>Select a row to see every field it changed.</source>
        <translation>选中一行，查看它修改的每一项。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="259"/>
        <source>{count} changes. The trail is written by the program itself and cannot be edited.</source>
        <translation>共 {count} 条变更记录。审计记录由程序自动写入，不能修改。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="263"/>
        <source>No change of this plan is recorded yet. Plans loaded in bulk (demo data, ledger imports) are recorded as one import, not plan by plan; every later change shows here.</source>
        <translation>这个预案还没有变更记录。批量载入的数据（演示数据、台账导入）按一次导入整体记录，不逐个预案记录；此后的每一次修改都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="274"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ContentEditor</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="152"/>
        <source>Where and to which events this plan applies, e.g. events in the town&apos;s area …</source>
        <translation>本预案适用的区域和事件，例如：本镇行政区域内发生的各类突发事件……</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="164"/>
        <source>The command structure: each work group, who leads it, its members and duties.</source>
        <translation>组织指挥体系：各工作组的牵头单位或负责人、成员和职责。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="157"/>
        <source>Event grades (particularly serious, grade I … ordinary, grade IV) and their criteria. Keep them apart from the response levels (GB/T 29639-2020 §6.1.2).</source>
        <translation>事件分级（特别重大 Ⅰ 级……一般 Ⅳ 级）及分级标准。事件分级与响应分级分开填写（GB/T 29639-2020 第 6.1.2 条）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="161"/>
        <source>Response levels (level 1 is the highest), when each starts and who leads it.</source>
        <translation>响应分级（一级最高）、各级响应的启动条件和指挥。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="167"/>
        <source>The response steps in order, who does each and its time limit (e.g. within 30 min). Use the buttons to change the order.</source>
        <translation>按顺序填写应急处置步骤、负责人和时限（如“30分钟内”）。用下方按钮调整顺序。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="170"/>
        <source>The main handling measures, one per row.</source>
        <translation>主要处置措施，每行一条。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="171"/>
        <source>What responders must watch out for, one per row.</source>
        <translation>处置人员须注意的事项，每行一条。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="172"/>
        <source>Who to call: unit or person, role, phone number.</source>
        <translation>应急联系方式：单位或姓名、职务、电话。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="174"/>
        <source>Emergency resources: name, quantity, where they are stored, who keeps them.</source>
        <translation>应急资源：名称、数量、存放地点、管理人。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="185"/>
        <source>The area, events and situations this plan covers.</source>
        <translation>本预案适用的区域、事件类型和情形。</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="64"/>
        <location filename="../../src/planmgr/ui/plans/history.py" line="72"/>
        <source>Old</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="64"/>
        <location filename="../../src/planmgr/ui/plans/history.py" line="73"/>
        <source>New</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="64"/>
        <source>Watch</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="125"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="125"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="125"/>
        <location filename="../../src/planmgr/ui/plans/history.py" line="179"/>
        <source>changed</source>
        <translation>有修改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="179"/>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="323"/>
        <source>Evaluate “{title}”</source>
        <translation>评估“{title}”</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="335"/>
        <source>names, or the expert group / third party</source>
        <translation>评估人员姓名，或专家组、第三方机构</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="337"/>
        <source>What the evaluation found</source>
        <translation>评估发现的主要问题和意见</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="343"/>
        <source>Date *</source>
        <translation>评估日期 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="344"/>
        <source>Method</source>
        <translation>评估方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="345"/>
        <source>Conclusion *</source>
        <translation>评估结论 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="346"/>
        <source>Evaluators</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="347"/>
        <source>Findings</source>
        <translation>主要发现</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="352"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="353"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="374"/>
        <source>The plan’s status becomes “{status}” when this is recorded.</source>
        <translation>保存后，预案将转入“{status}”。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="378"/>
        <source>The plan stays as it is; abolish it from the plan&apos;s menu once that is decided.</source>
        <translation>预案状态不变；确定废止后，请在预案的右键菜单中选择“废止”。</translation>
    </message>
</context>
<context>
    <name>EvaluationsDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="411"/>
        <source>Evaluations of “{title}”</source>
        <translation>“{title}”的评估记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="424"/>
        <source>No evaluation recorded yet — record the first one.</source>
        <translation>尚无评估记录 — 点击“记录评估”添加第一条。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="428"/>
        <source>Record an evaluation…</source>
        <translation>记录评估…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="432"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>EvaluationsModel</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="377"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="378"/>
        <source>Method</source>
        <translation>评估方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="379"/>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="380"/>
        <source>Evaluators</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="381"/>
        <source>Findings</source>
        <translation>主要发现</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="87"/>
        <source>Search names, content and handling cards (Ctrl+F)</source>
        <translation>搜索预案名称、内容和处置卡（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="96"/>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="126"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="97"/>
        <source>Plans of this unit and of the units under it</source>
        <translation>本单位及其下级单位的预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="99"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="100"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="101"/>
        <source>All event types</source>
        <translation>全部事件类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="102"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/filters.py" line="103"/>
        <source>Clear the search and the filters: back to the tree</source>
        <translation>清除搜索和筛选条件，回到预案体系树</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="76"/>
        <source>Plan not found</source>
        <translation>找不到预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="83"/>
        <source>Not possible now</source>
        <translation>现在不能这样做</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="118"/>
        <source>{title} did not finish</source>
        <translation>“{title}”未完成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="140"/>
        <source>Cannot open the plan</source>
        <translation>无法打开预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="147"/>
        <source>Created “{title}”</source>
        <translation>已新建“{title}”</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="147"/>
        <source>Saved “{title}”</source>
        <translation>已保存“{title}”</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="159"/>
        <source>Send for review</source>
        <translation>提交评审</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="161"/>
        <source>“{title}” is in review</source>
        <translation>“{title}”已提交评审</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="170"/>
        <source>Abolish “{title}”? It stays in the database with its versions, but is no longer in force and nothing falls due for it.</source>
        <translation>确定废止“{title}”吗？预案及其各版本仍保留在数据库中，但不再有效，也不再产生到期事项。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="173"/>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="177"/>
        <source>Abolish plan</source>
        <translation>废止预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="179"/>
        <source>“{title}” is abolished</source>
        <translation>“{title}”已废止</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="213"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="216"/>
        <source>Published version {label} of “{title}”</source>
        <translation>已发布“{title}”{label}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="235"/>
        <source>Start revision</source>
        <translation>启动修订</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="238"/>
        <source>“{title}” is under revision</source>
        <translation>“{title}”已进入修订</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="259"/>
        <source>Evaluation recorded; “{title}” is now under revision</source>
        <translation>评估已记录，“{title}”已转入修订中</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="262"/>
        <source>Evaluation of “{title}” recorded</source>
        <translation>已记录“{title}”的评估</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="267"/>
        <source>Record evaluation</source>
        <translation>记录评估</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/actions.py" line="303"/>
        <source>Cannot show the versions</source>
        <translation>无法显示版本</translation>
    </message>
</context>
<context>
    <name>PlanAttachments</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="67"/>
        <source>Plan text</source>
        <translation>预案文本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="68"/>
        <source>Drafting notes</source>
        <translation>编制说明</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="69"/>
        <source>Review opinions</source>
        <translation>评审意见</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="70"/>
        <source>Risk assessment report</source>
        <translation>风险评估报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="71"/>
        <source>Emergency resources survey</source>
        <translation>应急资源调查清单</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="72"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/attachments.py" line="73"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PlanAudit</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="64"/>
        <source>plan name</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="65"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="66"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="67"/>
        <source>event types</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="68"/>
        <source>parent plan</source>
        <translation>上级预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="69"/>
        <source>version in force</source>
        <translation>现行版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="70"/>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="71"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="72"/>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="73"/>
        <source>reason for revision</source>
        <translation>修订情形</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="74"/>
        <source>deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="75"/>
        <source>version label</source>
        <translation>版本号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="76"/>
        <source>issued on</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="77"/>
        <source>published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="78"/>
        <source>document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="79"/>
        <source>approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="80"/>
        <source>major revision</source>
        <translation>重大修订</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="81"/>
        <source>summary of changes</source>
        <translation>修订说明</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="82"/>
        <source>evaluation date</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="83"/>
        <source>evaluators</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="84"/>
        <source>method</source>
        <translation>评估方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="85"/>
        <source>conclusion</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="86"/>
        <source>findings</source>
        <translation>主要发现</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="93"/>
        <source>plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="94"/>
        <source>version</source>
        <translation>预案版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="95"/>
        <source>evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="103"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="115"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="117"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="121"/>
        <source>sections: {sections}</source>
        <translation>章节：{sections}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="122"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="125"/>
        <source>(structured data)</source>
        <translation>（结构化数据）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="143"/>
        <source>{field}: changed in {sections}</source>
        <translation>{field}：修改了{sections}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="145"/>
        <source>layout only</source>
        <translation>仅格式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/audit.py" line="149"/>
        <source>{field}: changed</source>
        <translation>{field}：已更改</translation>
    </message>
</context>
<context>
    <name>PlanDetailPanel</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="47"/>
        <source>Due</source>
        <translation>到期事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="60"/>
        <source>No plan selected</source>
        <translation>未选择预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="63"/>
        <source>Select a plan to see its versions and what falls due. Right-click for actions.</source>
        <translation>选中一个预案，查看它的版本和到期事项。右键单击可进行各项操作。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="75"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="76"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="77"/>
        <source>Owner unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="78"/>
        <source>Parent plan</source>
        <translation>上级预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="78"/>
        <source>(top level)</source>
        <translation>（顶层预案）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="81"/>
        <source>Event types</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="89"/>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="91"/>
        <source>Version in force</source>
        <translation>现行版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="91"/>
        <source>not published yet</source>
        <translation>尚未发布</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="92"/>
        <source>Versions</source>
        <translation>版本数</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="94"/>
        <source>Revision because</source>
        <translation>修订情形</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/detail.py" line="99"/>
        <source>Nothing due for this plan.</source>
        <translation>本预案暂无到期事项。</translation>
    </message>
</context>
<context>
    <name>PlanEditorDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="149"/>
        <source>Edit plan</source>
        <translation>编辑预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="149"/>
        <source>New plan</source>
        <translation>新建预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="162"/>
        <source>e.g. 赤坎镇突发事件总体应急预案</source>
        <translation>例如：赤坎镇突发事件总体应急预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="170"/>
        <source>Choose the unit that drafts the plan</source>
        <translation>选择编制预案的单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="182"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="183"/>
        <source>No parent</source>
        <translation>不挂上级</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="211"/>
        <source>Plan name *</source>
        <translation>预案名称 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="212"/>
        <source>Category *</source>
        <translation>预案类别 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="213"/>
        <source>Owner unit *</source>
        <translation>编制单位 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="214"/>
        <source>Parent plan</source>
        <translation>上级预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="216"/>
        <source>Event types</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="217"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="218"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="228"/>
        <source>Basic facts</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="228"/>
        <source>Documents</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="242"/>
        <source>★ marks sections whose change is a major revision (re-review and re-filing)</source>
        <translation>★ 标记的章节一经修改即属重大修订（需重新评审、重新备案）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="259"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="260"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="261"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="290"/>
        <source>new, not saved yet (drafting once saved)</source>
        <translation>新预案，尚未保存（保存后为“编制中”）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="304"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="306"/>
        <source>{status}; version in force: {version}</source>
        <translation>{status}；现行版本：{version}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="314"/>
        <source>This plan is “{status}”: its content cannot be changed here. Start a revision first (right-click the plan → Start revision), then publish a new version.</source>
        <translation>本预案为“{status}”，不能在此直接修改内容。请先启动修订（右键单击预案 → 启动修订），修订后发布新版本。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="406"/>
        <source>(none — a top-level plan)</source>
        <translation>（无 — 顶层预案）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="434"/>
        <source>Enter the plan name.</source>
        <translation>请填写预案名称。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="439"/>
        <source>Choose the owner unit (the unit that drafts the plan).</source>
        <translation>请选择编制单位（编制预案的单位）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="459"/>
        <source>A {category} sits under: {parents}{top}</source>
        <translation>{category}的上级预案可以是：{parents}{top}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="461"/>
        <source>no other plan</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="462"/>
        <source>, or at the top level</source>
        <translation>，或作为顶层预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="508"/>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="542"/>
        <source>Saving the plan</source>
        <translation>保存预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="529"/>
        <source>Documents not saved</source>
        <translation>附件未保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="530"/>
        <source>The plan was saved, but its documents were not: {reason}</source>
        <translation>预案已保存，但附件没有保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="548"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="548"/>
        <source>Cannot save</source>
        <translation>不能保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="562"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/editor.py" line="562"/>
        <source>The plan has unsaved changes. Close without saving?</source>
        <translation>预案有尚未保存的修改。不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>PlanListModel</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="101"/>
        <source>Plan name</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="102"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="103"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="104"/>
        <source>Owner unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="105"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="106"/>
        <source>Found in</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="128"/>
        <source>Handling card “{card}”: {text}</source>
        <translation>处置卡“{card}”：{text}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="141"/>
        <source>unpublished</source>
        <translation>未发布</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="152"/>
        <source>{title}
under: {parent}</source>
        <translation>{title}
上级预案：{parent}</translation>
    </message>
</context>
<context>
    <name>PlanPickerDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/picker.py" line="46"/>
        <source>Choose the parent plan</source>
        <translation>选择上级预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/picker.py" line="51"/>
        <source>Search plan names and content</source>
        <translation>搜索预案名称和内容</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/picker.py" line="73"/>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/picker.py" line="108"/>
        <source>{count} plans; a parent must be: {kinds}</source>
        <translation>共 {count} 个预案；上级预案应为：{kinds}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/picker.py" line="111"/>
        <source>{count} plans</source>
        <translation>共 {count} 个预案</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="104"/>
        <source>New plan</source>
        <translation>新建预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="105"/>
        <source>New plan, under the selected plan if one is selected</source>
        <translation>新建预案；如已选中预案，新预案默认挂在它下面</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="108"/>
        <source>New plan under this one…</source>
        <translation>新建下级预案…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="110"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="112"/>
        <source>Send for review</source>
        <translation>提交评审</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="114"/>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="116"/>
        <source>Start revision…</source>
        <translation>启动修订…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="119"/>
        <source>Record evaluation…</source>
        <translation>记录评估…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="122"/>
        <source>Evaluations</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="124"/>
        <source>Abolish…</source>
        <translation>废止…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="125"/>
        <source>Version history…</source>
        <translation>版本历史…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="126"/>
        <source>Audit trail…</source>
        <translation>审计记录…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="127"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="200"/>
        <source>No plans yet</source>
        <translation>尚无预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="202"/>
        <source>Start with the overall plan: click “New plan” above, then add the plans under it. A plan register can also be imported: planmgr ledger import plans FILE.xlsx --db DATABASE</source>
        <translation>从总体应急预案开始：点击上方的“新建预案”，再逐级添加下级预案。也可以导入预案台账：planmgr ledger import plans 文件.xlsx --db 数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="231"/>
        <source>Right-click a plan for what you can do with it. Status colours: &lt;span style=&quot;color:{ok}&quot;&gt;in force&lt;/span&gt;, &lt;span style=&quot;color:{soon}&quot;&gt;in review or revision&lt;/span&gt;, &lt;span style=&quot;color:{grey}&quot;&gt;draft, superseded or abolished&lt;/span&gt;.</source>
        <translation>右键单击预案可进行各项操作。状态颜色：&lt;span style=&quot;color:{ok}&quot;&gt;有效&lt;/span&gt;、&lt;span style=&quot;color:{soon}&quot;&gt;评审中或修订中&lt;/span&gt;、&lt;span style=&quot;color:{grey}&quot;&gt;编制中、已替代或已废止&lt;/span&gt;。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="238"/>
        <source>Plan system</source>
        <translation>预案体系</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="466"/>
        <source>Could not read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="513"/>
        <source>No plan matches. Try fewer characters or clear the filters.</source>
        <translation>没有符合条件的预案。请减少搜索字数或清除筛选条件。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="515"/>
        <source>{total} plans match; the first {shown} are shown.</source>
        <translation>共 {total} 个预案符合条件，显示前 {shown} 个。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/page.py" line="519"/>
        <source>{count} plans found. Double-click one to edit it.</source>
        <translation>找到 {count} 个预案。双击可编辑。</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="112"/>
        <source>Publish “{title}”</source>
        <translation>发布“{title}”</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="121"/>
        <source>e.g. 开府〔2025〕9号</source>
        <translation>例如：开府〔2025〕9号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="124"/>
        <source>who signed it, e.g. the principal leader</source>
        <translation>签发人，如单位主要负责人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="127"/>
        <source>(none: first publication)</source>
        <translation>（无：首次发布）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="127"/>
        <source>(not stated)</source>
        <translation>（未注明）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="138"/>
        <source>Major revision: review, approval and filing are repeated</source>
        <translation>重大修订：需重新评审、审批和备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="144"/>
        <source>The first version of the plan.</source>
        <translation>本预案的第一个版本。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="147"/>
        <source>ENT Art. 37</source>
        <translation>《生产安全事故应急预案管理办法》第三十七条</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="147"/>
        <source>GOV2024</source>
        <translation>《突发事件应急预案管理办法》（国办发〔2024〕5号）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="150"/>
        <source>Changed since the version in force: {sections}. A change there is a major revision ({source}).</source>
        <translation>与现行版本相比修改了：{sections}。修改这些章节属于重大修订（{source}）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="157"/>
        <source>No change in the command structure, procedure, measures or response levels.</source>
        <translation>组织指挥体系、处置程序、处置措施和响应分级均无修改。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="160"/>
        <source>What changed and why</source>
        <translation>修订了哪些内容，为什么修订</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="165"/>
        <source>Version label *</source>
        <translation>版本号 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="166"/>
        <source>Published on *</source>
        <translation>发布日期 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="167"/>
        <source>Issued on</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="168"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="169"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="170"/>
        <source>Reason for revision</source>
        <translation>修订情形</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="173"/>
        <source>Summary of changes</source>
        <translation>修订说明</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="178"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="179"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="217"/>
        <source>Enter the version label.</source>
        <translation>请填写版本号。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="221"/>
        <source>A plan is issued before or on the day it is published.</source>
        <translation>印发日期不能晚于发布日期。</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="237"/>
        <source>Start a revision of “{title}”</source>
        <translation>启动修订“{title}”</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="241"/>
        <source>Why is the plan revised? The reason is recorded with the next version. The list follows the regulation for this kind of plan.</source>
        <translation>为什么修订？修订情形将记入下一个版本。列表按本类预案适用的规定列出。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="259"/>
        <source>Show the reasons for the other kind of plan too</source>
        <translation>同时显示另一类预案的修订情形</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="266"/>
        <source>Start revision</source>
        <translation>启动修订</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/lifecycle_dialogs.py" line="267"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="71"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="72"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="73"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/content_editors.py" line="74"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>TriggerModel</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="283"/>
        <source>Reason for revision</source>
        <translation>修订情形</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="283"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
</context>
<context>
    <name>VersionHistoryDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="229"/>
        <source>Versions of “{title}”</source>
        <translation>“{title}”的版本历史</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="232"/>
        <source>Working text (not published)</source>
        <translation>编辑稿（未发布）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="253"/>
        <source>Only sections that changed</source>
        <translation>只显示有修改的章节</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="260"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="262"/>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="278"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="311"/>
        <source>Nothing to compare yet: the plan has no text.</source>
        <translation>暂无可比较的内容：预案还没有文本。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="322"/>
        <source>Only one text so far: publish a new version to compare.</source>
        <translation>目前只有一个文本：发布新版本后即可比较。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="324"/>
        <source>The same text is chosen on both sides.</source>
        <translation>两边选择的是同一个文本。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="332"/>
        <source>No difference between {old} and {new}.</source>
        <translation>{old}与{new}没有差别。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="337"/>
        <source>{count} sections changed: {sections}.</source>
        <translation>{count} 个章节有修改：{sections}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/history.py" line="342"/>
        <source>Check the changed lines marked ⚑: {watch}.</source>
        <translation>请核对标有 ⚑ 的修改：{watch}。</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="335"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="336"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="337"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="338"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="339"/>
        <source>Reason for revision</source>
        <translation>修订情形</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="340"/>
        <source>Major</source>
        <translation>重大修订</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="341"/>
        <source>Summary of changes</source>
        <translation>修订说明</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/plans/models.py" line="355"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
</TS>
