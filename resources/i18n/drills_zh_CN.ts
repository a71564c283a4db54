<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="230"/>
        <source>Edit the corrective action</source>
        <translation>修改整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="230"/>
        <source>New corrective action</source>
        <translation>新增整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="236"/>
        <source>What will be done about the finding</source>
        <translation>针对该问题要采取的整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="240"/>
        <source>Person or post responsible</source>
        <translation>责任人或责任岗位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="241"/>
        <source>Due by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="246"/>
        <source>(no plan)</source>
        <translation>（不涉及预案）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="248"/>
        <source>(does not change a plan section)</source>
        <translation>（不修改预案章节）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="255"/>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="256"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="258"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="259"/>
        <source>Section it changes</source>
        <translation>修改的预案章节</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="262"/>
        <source>An action that changes a plan section is closed by the plan version that carries the change: revise the plan, publish it, then use &quot;Close by new version&quot;.</source>
        <translation>需要修改预案章节的整改，由包含该修改的预案新版本关闭：启动修订、修改该章节并发布新版本后，使用“由新版本关闭”。</translation>
    </message>
</context>
<context>
    <name>ActionModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="32"/>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="33"/>
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="34"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="35"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="37"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="38"/>
        <source>Plan section</source>
        <translation>预案章节</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="39"/>
        <source>Closed by version</source>
        <translation>关闭版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="40"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="55"/>
        <source>no date</source>
        <translation>未定期限</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="57"/>
        <source>{date} (overdue)</source>
        <translation>{date}（已逾期）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="83"/>
        <source>Overdue: it also appears in the due list (planmgr due).</source>
        <translation>已逾期：到期提醒（planmgr due）中也会列出。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="85"/>
        <source>Finding: {finding}
Action: {action}</source>
        <translation>问题：{finding}
整改：{action}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="91"/>
        <source>Closed on {date}</source>
        <translation>{date} 关闭</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="99"/>
        <source>Show done and verified actions</source>
        <translation>显示已完成和已验证的整改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="103"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="104"/>
        <source>Start work</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="105"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="106"/>
        <source>Verify</source>
        <translation>验证通过</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="107"/>
        <source>Back to work</source>
        <translation>退回整改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="108"/>
        <source>Close by new version…</source>
        <translation>由新版本关闭…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="109"/>
        <source>Verification failed: the work goes on.</source>
        <translation>验证不通过：退回继续整改。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="111"/>
        <source>Link the action to the plan version that carries the fix; it then leaves the open list.</source>
        <translation>把整改关联到包含该修改的预案版本；关闭后不再列入未完成整改。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="158"/>
        <source>Could not read the corrective actions</source>
        <translation>无法读取整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="162"/>
        <source>{open} open corrective actions, {overdue} overdue</source>
        <translation>未完成整改 {open} 项，其中逾期 {overdue} 项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="196"/>
        <source>This action changes a plan section: close it by the new plan version.</source>
        <translation>这项整改要修改预案章节：请用预案新版本关闭。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="222"/>
        <source>Changing the corrective action</source>
        <translation>正在更改整改状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="245"/>
        <source>Saving the corrective action</source>
        <translation>正在保存整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="266"/>
        <source>Could not read the plan versions</source>
        <translation>无法读取预案版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="278"/>
        <source>Closing the corrective action</source>
        <translation>正在关闭整改措施</translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_models.py" line="50"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_models.py" line="50"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_models.py" line="50"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="137"/>
        <source>Cancel the drill</source>
        <translation>取消演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="139"/>
        <source>Why is it cancelled? (required)</source>
        <translation>取消原因（必填）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="143"/>
        <source>Reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="144"/>
        <source>A cancelled drill cannot be done later; plan a new drill instead.</source>
        <translation>取消后不能再标记完成；如需补做请新建演练。</translation>
    </message>
</context>
<context>
    <name>CloseActionDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="288"/>
        <source>Close by new version</source>
        <translation>由新版本关闭</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="303"/>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="304"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="306"/>
        <source>Section it changes</source>
        <translation>修改的预案章节</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="309"/>
        <source>This plan has no versions yet. Revise and publish it first.</source>
        <translation>该预案还没有版本，请先修订并发布。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="313"/>
        <source>No version can close it yet: revise the plan, change the section and publish a new version, then come back here.</source>
        <translation>目前没有可以关闭它的版本：请修订预案、修改该章节并发布新版本后再来关闭。</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="109"/>
        <source>Mark the drill done</source>
        <translation>标记演练已完成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="113"/>
        <source>It lasted several days, until:</source>
        <translation>演练持续多天，结束于：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="120"/>
        <source>Held on</source>
        <translation>实际举行日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="123"/>
        <source>The due list counts the next drill from this day. It cannot be later than today.</source>
        <translation>到期提醒从这一天起计算下一次演练；日期不能晚于今天。</translation>
    </message>
</context>
<context>
    <name>DrillCalendar</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/calendar.py" line="104"/>
        <source>+{n} more</source>
        <translation>另有 {n} 次</translation>
    </message>
</context>
<context>
    <name>DrillEditor</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="62"/>
        <source>Marking the drill done</source>
        <translation>正在标记演练已完成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="96"/>
        <source>Cancelling the drill</source>
        <translation>正在取消演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="138"/>
        <source>Put on the drill plan</source>
        <translation>列入演练计划</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="155"/>
        <source>Plan</source>
        <translation>演练计划</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="156"/>
        <source>Record</source>
        <translation>演练记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="157"/>
        <source>Evaluation</source>
        <translation>演练评估</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="158"/>
        <source>Summary report</source>
        <translation>总结报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="159"/>
        <source>Improvement</source>
        <translation>问题与整改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="162"/>
        <source>Mark done…</source>
        <translation>标记已完成…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="163"/>
        <source>Cancel the drill…</source>
        <translation>取消演练…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="164"/>
        <source>Print drill record</source>
        <translation>打印演练记录表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="166"/>
        <source>Print evaluation report</source>
        <translation>打印演练评估报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="168"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="191"/>
        <source>New drill</source>
        <translation>新建演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="204"/>
        <source>Not yet on the plan</source>
        <translation>尚未列入计划</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="223"/>
        <source>Could not read the drill</source>
        <translation>无法读取演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="227"/>
        <source>Save the plan data</source>
        <translation>保存计划信息</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="243"/>
        <source>Could not read the plans</source>
        <translation>无法读取预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="247"/>
        <source>Drill: {title}</source>
        <translation>演练：{title}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="248"/>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="269"/>
        <source>Putting the drill on the plan</source>
        <translation>正在列入演练计划</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="276"/>
        <source>Saving the drill</source>
        <translation>正在保存演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="330"/>
        <source>the plan data</source>
        <translation>计划信息</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="331"/>
        <source>the record</source>
        <translation>演练记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="332"/>
        <source>the evaluation</source>
        <translation>演练评估</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="333"/>
        <source>the summary report</source>
        <translation>总结报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="339"/>
        <source>{part} has unsaved changes. Close without saving?</source>
        <translation>{part}有尚未保存的修改。不保存就关闭吗？</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="341"/>
        <source>{parts} and {last}</source>
        <translation>{parts}和{last}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="342"/>
        <source>{parts} have unsaved changes. Close without saving?</source>
        <translation>{parts}有尚未保存的修改。不保存就关闭吗？</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/editor.py" line="348"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
</context>
<context>
    <name>DrillFiles</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="108"/>
        <source>Save the drill record</source>
        <translation>保存演练记录表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="109"/>
        <source>{title}-drill record.pdf</source>
        <translation>{title}-演练记录表.pdf</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="110"/>
        <source>Printing the drill record</source>
        <translation>正在生成演练记录表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="113"/>
        <source>Save the evaluation report</source>
        <translation>保存演练评估报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="114"/>
        <source>{title}-evaluation report.pdf</source>
        <translation>{title}-演练评估报告.pdf</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="116"/>
        <source>Printing the evaluation report</source>
        <translation>正在生成演练评估报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="132"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="147"/>
        <source>Some characters are missing</source>
        <translation>部分字符无法打印</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="148"/>
        <source>The font cannot print these characters; they are blank in the PDF: {chars}</source>
        <translation>字体中没有这些字符，PDF 中会是空白：{chars}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="155"/>
        <source>PDF saved</source>
        <translation>PDF 已保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="156"/>
        <source>The PDF was saved to:
{path}</source>
        <translation>PDF 已保存到：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="162"/>
        <source>Export the drill list</source>
        <translation>导出演练列表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="163"/>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="172"/>
        <source>Exporting the drill list</source>
        <translation>正在导出演练列表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="182"/>
        <source>Drill list exported</source>
        <translation>演练列表已导出</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="183"/>
        <source>{count} drills were written to:
{path}</source>
        <translation>已导出 {count} 次演练到：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="188"/>
        <source>Opening the attachment</source>
        <translation>正在打开附件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="199"/>
        <source>No program to open it</source>
        <translation>没有可以打开的程序</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/files.py" line="200"/>
        <source>No program on this computer opens this file. A copy was saved to:
{path}</source>
        <translation>本机没有可以打开该文件的程序。副本已保存到：
{path}</translation>
    </message>
</context>
<context>
    <name>DrillFormWidget</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="64"/>
        <source>e.g. 2026 hazardous chemicals leak drill</source>
        <translation>例如：2026年危险化学品泄漏事故应急演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="71"/>
        <source>Several days, until</source>
        <translation>多日演练，结束于</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="82"/>
        <source>Other tags, separated by commas</source>
        <translation>其他标签，用逗号或顿号分隔</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="93"/>
        <source>Tick the plans this drill exercises (at least one).</source>
        <translation>勾选本次演练检验的预案（至少一个）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="113"/>
        <source>Drill name</source>
        <translation>演练名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="114"/>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="115"/>
        <source>Date</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="116"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="117"/>
        <source>Form / scope / purpose</source>
        <translation>形式 / 范围 / 目的</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="118"/>
        <source>Tags</source>
        <translation>演练方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="119"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/drill_form.py" line="121"/>
        <source>Plans exercised</source>
        <translation>检验的预案</translation>
    </message>
</context>
<context>
    <name>DrillTableModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="67"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="68"/>
        <source>Drill</source>
        <translation>演练名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="69"/>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="70"/>
        <source>Form · scope</source>
        <translation>形式·范围</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="71"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="72"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="73"/>
        <source>Tags</source>
        <translation>演练方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="74"/>
        <source>Plans exercised</source>
        <translation>检验的预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="75"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="76"/>
        <source>Score</source>
        <translation>得分率</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="77"/>
        <location filename="../../src/planmgr/ui/drills/models.py" line="206"/>
        <source>Reported</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="183"/>
        <source>{start} ({days} days)</source>
        <translation>{start}（{days}天）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="150"/>
        <source>{status} (past its date)</source>
        <translation>{status}（已过计划日期）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="206"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="222"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="224"/>
        <source>The planned day has passed: mark the drill done or cancel it.</source>
        <translation>计划日期已过：请标记已完成或取消。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="226"/>
        <source>High-risk units report every drill to the county authority (ENT Art.33).</source>
        <translation>高危单位每次演练后应向县级主管部门报送（《生产安全事故应急预案管理办法》第三十三条）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/models.py" line="228"/>
        <source>Location: {place}</source>
        <translation>地点：{place}</translation>
    </message>
</context>
<context>
    <name>DrillTexts</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/texts.py" line="20"/>
        <source>Tabletop</source>
        <translation>桌面</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/texts.py" line="21"/>
        <source>Field</source>
        <translation>实战</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/texts.py" line="27"/>
        <source>single-item</source>
        <translation>单项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/texts.py" line="28"/>
        <source>comprehensive</source>
        <translation>综合</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/texts.py" line="41"/>
        <source>Double-blind</source>
        <translation>双盲</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/texts.py" line="42"/>
        <source>Digital</source>
        <translation>数字化</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/texts.py" line="43"/>
        <source>Joint</source>
        <translation>联合</translation>
    </message>
</context>
<context>
    <name>DrillsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="145"/>
        <source>No drills on this plan yet</source>
        <translation>尚无演练记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="147"/>
        <source>Put a drill on the annual plan with “New drill”: choose the organiser, the day and the plans it exercises. Drills can also be imported from a ledger: planmgr ledger import drills FILE.xlsx --db DATABASE</source>
        <translation>点击“新建演练”把演练列入年度演练计划：选择组织单位、日期和检验的预案。也可以从台账导入：planmgr ledger import drills 台账.xlsx --db 数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="165"/>
        <source>Annual drill plan</source>
        <translation>年度演练计划</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="166"/>
        <source>Month</source>
        <translation>月历</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="167"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="168"/>
        <location filename="../../src/planmgr/ui/drills/page.py" line="441"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="181"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="185"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="210"/>
        <location filename="../../src/planmgr/ui/drills/page.py" line="214"/>
        <location filename="../../src/planmgr/ui/drills/page.py" line="356"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="219"/>
        <source>Search name, unit, plan</source>
        <translation>搜索演练名称、单位、预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="235"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="236"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="237"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="238"/>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="239"/>
        <source>Tag</source>
        <translation>演练方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="261"/>
        <source>New drill…</source>
        <translation>新建演练…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="262"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="264"/>
        <source>Mark done…</source>
        <translation>标记已完成…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="265"/>
        <source>Cancel…</source>
        <translation>取消演练…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="268"/>
        <source>Print drill record</source>
        <translation>打印演练记录表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="271"/>
        <source>Print evaluation report</source>
        <translation>打印演练评估报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="273"/>
        <source>Export list…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="274"/>
        <source>Write the drills shown in the list to an Excel drills ledger</source>
        <translation>把列表中显示的演练导出为 Excel 演练台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="300"/>
        <source>Reading the drills</source>
        <translation>正在读取演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="332"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="344"/>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="346"/>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="441"/>
        <source>Not reported ({n})</source>
        <translation>未报送（{n}）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="445"/>
        <source>{n} done drills of high-risk units are not yet reported to the county authority (ENT Art.33). Show them</source>
        <translation>有 {n} 次高危单位的演练已完成但尚未向县级主管部门报送（《生产安全事故应急预案管理办法》第三十三条）。点击查看</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="453"/>
        <source>Plans in force with no drill planned in {year}: {plans}</source>
        <translation>{year}年尚未安排演练的在用预案：{plans}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="467"/>
        <source>{n} drills shown: {planned} planned, {done} done, {cancelled} cancelled</source>
        <translation>显示 {n} 次演练：计划中 {planned}，已完成 {done}，已取消 {cancelled}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="611"/>
        <source>Nothing to export</source>
        <translation>没有可导出的演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="611"/>
        <source>No drill is shown in the list.</source>
        <translation>列表中没有显示任何演练。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="614"/>
        <source>drills-{year}.xlsx</source>
        <translation>演练台账-{year}.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/page.py" line="614"/>
        <source>drills.xlsx</source>
        <translation>演练台账.xlsx</translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="74"/>
        <source>Edit templates…</source>
        <translation>编辑评估表…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="78"/>
        <source>Names of the evaluation team</source>
        <translation>评估组成员姓名</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="100"/>
        <source>Double-click a score to change it. Items left as N/A do not count.</source>
        <translation>双击评分可修改；“不适用”的项目不计分。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="102"/>
        <source>Remarks made on site after the drill</source>
        <translation>演练结束后的现场点评</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="103"/>
        <source>What the participants said about their own part</source>
        <translation>参演人员对本岗位表现的自评</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="104"/>
        <source>The evaluation team&apos;s opinion</source>
        <translation>评估组的评估意见</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="105"/>
        <source>Conclusion, e.g. the plan works; revise the evacuation steps</source>
        <translation>评估结论，例如：预案基本可行，疏散程序需修订</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="106"/>
        <source>Save the evaluation</source>
        <translation>保存评估</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="113"/>
        <source>Template</source>
        <translation>评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="117"/>
        <source>Evaluated on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="119"/>
        <source>Evaluators</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="124"/>
        <source>On-site remarks</source>
        <translation>现场点评</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="125"/>
        <source>Participants&apos; self-assessment</source>
        <translation>参演人员自评</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="126"/>
        <source>Evaluation team&apos;s opinion</source>
        <translation>评估组意见</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="127"/>
        <source>Conclusion</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="153"/>
        <source>As evaluated: {name}</source>
        <translation>原评估表：{name}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="198"/>
        <source>A drill can be evaluated once it is done.</source>
        <translation>演练完成后才能评估。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="228"/>
        <source>Score: not scored yet</source>
        <translation>得分率：尚未评分</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="232"/>
        <source>Score {percent}% · {grade}</source>
        <translation>得分率 {percent}% · {grade}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="275"/>
        <source>Choose a template</source>
        <translation>请选择评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="277"/>
        <source>This evaluation was made with a template that no longer exists. Choose one of the current templates, score the items again, then save.</source>
        <translation>这次评估使用的评估表已不存在。请选择一张现有的评估表重新评分后再保存。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="284"/>
        <source>Saving the evaluation</source>
        <translation>正在保存评估</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="196"/>
        <source>Record a finding</source>
        <translation>登记问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="198"/>
        <source>The problem found, in one or two sentences</source>
        <translation>发现的问题，一两句话说明</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="202"/>
        <source>(no particular plan)</source>
        <translation>（不针对具体预案）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="203"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="204"/>
        <source>Plan concerned</source>
        <translation>涉及的预案</translation>
    </message>
</context>
<context>
    <name>FindingModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="106"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="106"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="106"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="106"/>
        <source>Recorded on</source>
        <translation>登记日期</translation>
    </message>
</context>
<context>
    <name>ImprovementTab</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="301"/>
        <source>Record a finding…</source>
        <translation>登记问题…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="303"/>
        <source>New corrective action…</source>
        <translation>新增整改措施…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="310"/>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="318"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="336"/>
        <source>Could not read the findings</source>
        <translation>无法读取问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="365"/>
        <source>Recording the finding</source>
        <translation>正在登记问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/actions_panel.py" line="388"/>
        <source>Adding the corrective action</source>
        <translation>正在新增整改措施</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="161"/>
        <source>Edit the log entry</source>
        <translation>修改过程记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="161"/>
        <source>Add a log entry</source>
        <translation>添加过程记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="167"/>
        <source>What happened, e.g. the command post ordered the evacuation</source>
        <translation>发生了什么，例如：指挥部下达疏散命令</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="169"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/small_dialogs.py" line="170"/>
        <source>What happened</source>
        <translation>过程记录</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_models.py" line="27"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_models.py" line="27"/>
        <source>What happened</source>
        <translation>过程记录</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/calendar.py" line="168"/>
        <source>{date}: {n} drills</source>
        <translation>{date}：{n} 次演练</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/calendar.py" line="170"/>
        <source>{date}: no drill</source>
        <translation>{date}：没有演练</translation>
    </message>
</context>
<context>
    <name>PlanPickModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_models.py" line="68"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_models.py" line="68"/>
        <source>Category</source>
        <translation>预案类别</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="56"/>
        <source>One unit a line</source>
        <translation>每行一个单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="59"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="60"/>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="62"/>
        <source>The situation the drill simulated</source>
        <translation>演练模拟的情景</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="63"/>
        <source>Save the record</source>
        <translation>保存演练记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="65"/>
        <source>Reported to the county authority</source>
        <translation>已向县级主管部门报送</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="68"/>
        <source>A high-risk unit reports every drill to the county authority (ENT Art.33).</source>
        <translation>高危单位每次演练后应向县级主管部门报送（《生产安全事故应急预案管理办法》第三十三条）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="73"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="75"/>
        <source>Participating units</source>
        <translation>参演单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="76"/>
        <source>Head count</source>
        <translation>参演人数</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="77"/>
        <source>Scenario</source>
        <translation>演练情景</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="89"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="90"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="91"/>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="109"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="95"/>
        <source>Log of the drill</source>
        <translation>演练过程记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="107"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="108"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="113"/>
        <source>Up to {size} a file.</source>
        <translation>每个文件最大 {size}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="115"/>
        <source>Attachments (photos, sign-in sheets …)</source>
        <translation>附件（现场照片、签到表等）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="161"/>
        <source>Only a done drill can be reported.</source>
        <translation>演练完成后才能登记已报送。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="213"/>
        <source>Saving the drill record</source>
        <translation>正在保存演练记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="228"/>
        <source>Saving the report flag</source>
        <translation>正在保存报送情况</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="252"/>
        <source>Adding the log entry</source>
        <translation>正在添加过程记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="276"/>
        <source>Changing the log entry</source>
        <translation>正在修改过程记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="295"/>
        <source>Remove the log entry</source>
        <translation>删除过程记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="296"/>
        <source>Remove “{time} {text}”?</source>
        <translation>删除“{time} {text}”？</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="301"/>
        <source>Removing the log entry</source>
        <translation>正在删除过程记录</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="313"/>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="315"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xls *.xlsx);;All files (*)</source>
        <translation>照片和文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xls *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="322"/>
        <source>Attaching {name}</source>
        <translation>正在添加附件 {name}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="338"/>
        <source>Remove the attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="339"/>
        <source>Remove “{name}” from this drill?</source>
        <translation>从本次演练中删除“{name}”？</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/record_tab.py" line="344"/>
        <source>Removing the attachment</source>
        <translation>正在删除附件</translation>
    </message>
</context>
<context>
    <name>ScoreModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="46"/>
        <source>Topic</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="47"/>
        <source>Item</source>
        <translation>评估项目</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="48"/>
        <source>Scored as</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="49"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="50"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="308"/>
        <source>What was drilled, who took part, how it went</source>
        <translation>演练内容、参演单位和总体情况</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="309"/>
        <source>One problem a line</source>
        <translation>每行一个问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="310"/>
        <source>What went well and what was learnt</source>
        <translation>做得好的地方和经验教训</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="311"/>
        <source>Suggestions for the plan, training and equipment</source>
        <translation>对预案、培训和装备的改进建议</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="312"/>
        <source>Save the summary</source>
        <translation>保存总结报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="315"/>
        <source>Record problems as findings</source>
        <translation>登记为整改问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="318"/>
        <source>Each problem line not yet recorded becomes a finding, ready for corrective actions.</source>
        <translation>每行尚未登记的问题都登记为一个问题，随后可制定整改措施。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="321"/>
        <source>The summary report is written once the drill is done.</source>
        <translation>演练完成后才能填写总结报告。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="323"/>
        <source>Summary report</source>
        <translation>总结报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="325"/>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="326"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="327"/>
        <source>Lessons learnt</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="328"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="369"/>
        <source>Saving the summary report</source>
        <translation>正在保存总结报告</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="385"/>
        <source>Recording the findings</source>
        <translation>正在登记问题</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="394"/>
        <source>Findings recorded</source>
        <translation>问题已登记</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="395"/>
        <source>{n} new findings were recorded. Add corrective actions on the Improvement tab.</source>
        <translation>新登记了 {n} 个问题。请在“问题与整改”页制定整改措施。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_tab.py" line="399"/>
        <source>Every problem of the summary is already recorded as a finding.</source>
        <translation>总结报告中的问题都已登记过。</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="66"/>
        <source>Evaluation templates</source>
        <translation>演练评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="77"/>
        <source>New template</source>
        <translation>新建评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="78"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="79"/>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="87"/>
        <source>From the highest band down; the lowest starts at 0.</source>
        <translation>从高到低排列，最低一档从 0 分起。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="97"/>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="98"/>
        <source>Remove item</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="101"/>
        <source>Save template</source>
        <translation>保存评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="105"/>
        <source>Double-click a cell to change it. Items are scored yes/no or 1–5; evaluations already recorded keep the template they were made with.</source>
        <translation>双击单元格可修改。评估项目按“是/否”或 1–5 分评分；已完成的评估保留当时的评估表。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="118"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="119"/>
        <source>Based on</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="120"/>
        <source>Grades</source>
        <translation>评分等级</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="172"/>
        <source>Grades not understood</source>
        <translation>无法识别评分等级</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="173"/>
        <source>Write the grades as “90 Excellent; 75 Good; 60 Pass; 0 Fail”.</source>
        <translation>请按“90 优秀；75 良好；60 合格；0 不合格”的格式填写评分等级。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="182"/>
        <source>New topic</source>
        <translation>新分组</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="183"/>
        <source>New item</source>
        <translation>新评估项目</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="197"/>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="202"/>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="208"/>
        <source>Saving the template</source>
        <translation>正在保存评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="216"/>
        <source>Delete the template</source>
        <translation>删除评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="217"/>
        <source>Delete the template “{name}”? Evaluations made with it keep their copy.</source>
        <translation>删除评估表“{name}”？用它做过的评估会保留原评估表。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="223"/>
        <source>Deleting the template</source>
        <translation>正在删除评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="230"/>
        <source>Restore the default templates</source>
        <translation>恢复默认评估表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="231"/>
        <source>Replace every template with the built-in ones (AQ/T 9009, GB/T 46792)?</source>
        <translation>用内置评估表（依据 AQ/T 9009、GB/T 46792）替换全部评估表？</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/template_dialog.py" line="234"/>
        <source>Restoring the templates</source>
        <translation>正在恢复评估表</translation>
    </message>
</context>
<context>
    <name>TemplateItemsModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="167"/>
        <source>Topic</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="167"/>
        <source>Item</source>
        <translation>评估项目</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="167"/>
        <source>Scored as</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/evaluation_models.py" line="167"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>VersionModel</name>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="121"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="121"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="121"/>
        <source>Changes</source>
        <translation>修订内容</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="121"/>
        <source>Can close it</source>
        <translation>能否关闭</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="132"/>
        <source>No: older than the finding</source>
        <translation>否：早于问题登记</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="134"/>
        <source>No: the section is unchanged</source>
        <translation>否：该章节未修改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/drills/action_models.py" line="135"/>
        <source>Yes</source>
        <translation>能</translation>
    </message>
</context>
</TS>
