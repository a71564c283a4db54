<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CardEditor</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="87"/>
        <source>Edit handling card</source>
        <translation>编辑处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="87"/>
        <source>New handling card</source>
        <translation>新建处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="121"/>
        <source>e.g. Tank farm leak handling card</source>
        <translation>例如：储罐区泄漏应急处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="133"/>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="391"/>
        <source>Draft from plan</source>
        <translation>从预案生成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="137"/>
        <source>Fill risks, steps, precautions and contacts from the plan&apos;s version in force (risk description, duties, response and precautions of an on-site plan)</source>
        <translation>按预案现行版本填写事故风险、处置步骤、注意事项和联系电话（取自现场处置方案的事故风险描述、应急工作职责、应急处置和注意事项）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="142"/>
        <source>e.g. Tank farm operator</source>
        <translation>例如：储罐区操作工</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="151"/>
        <source>not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="154"/>
        <source>Card title</source>
        <translation>处置卡名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="156"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="158"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="160"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="163"/>
        <source>Place</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="165"/>
        <source>Card no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="167"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="169"/>
        <source>Issued</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="175"/>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="175"/>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="183"/>
        <source>Steps print in this order with a tick box. Drag a row or use the buttons to reorder.</source>
        <translation>步骤按此顺序打印，每步带勾选框。拖动行或使用右侧按钮调整顺序。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="193"/>
        <source>Hazards at this post: substances, equipment, possible accidents</source>
        <translation>本岗位的危险因素：危险物质、设备设施、可能发生的事故</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="196"/>
        <source>One precaution a line</source>
        <translation>每行一条注意事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="199"/>
        <source>Accident risks</source>
        <translation>事故风险</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="201"/>
        <source>Precautions</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="205"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="205"/>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="206"/>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="426"/>
        <source>Add default numbers</source>
        <translation>补充默认号码</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="208"/>
        <source>119, 120, 110, 122, the unit&apos;s duty phone and the upper authority&apos;s, where missing</source>
        <translation>补充尚未列出的 119、120、110、122、本单位值班电话和上级单位电话</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="217"/>
        <source>Handling steps</source>
        <translation>处置步骤</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="218"/>
        <source>Risks and precautions</source>
        <translation>风险与注意事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="219"/>
        <source>Emergency contacts</source>
        <translation>应急联系电话</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="225"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="226"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="273"/>
        <source>Risks, steps and precautions were drawn again from version {version} of the plan in force. Check them, then save to bring this card up to date.</source>
        <translation>已按预案现行版本 {version} 重新生成事故风险、处置步骤和注意事项。请核对后保存，本卡即更新为现行。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="281"/>
        <source>The plan changed since this card: the card follows version {old}, the plan&apos;s version in force is {new}. Use “Draft from plan” or update it from the card list.</source>
        <translation>本卡编制后预案已更新：本卡依据 {old} 版本，预案现行版本为 {new}。请点击“从预案生成”，或在处置卡列表中“按预案更新”。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="316"/>
        <source>(no plan)</source>
        <translation>（未关联预案）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="322"/>
        <source>Could not read the plans</source>
        <translation>无法读取预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="393"/>
        <source>Replace the risks, steps and precautions on this card with those of the plan? Contacts from the plan are added to the ones listed.</source>
        <translation>用预案的内容替换本卡的事故风险、处置步骤和注意事项吗？预案中的联系电话将补充到现有联系人中。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="403"/>
        <source>Could not draft from the plan</source>
        <translation>无法从预案生成</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="420"/>
        <source>The plan has no response steps yet; add the steps by hand.</source>
        <translation>该预案尚未填写应急处置步骤，请手工添加步骤。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="426"/>
        <source>Choose the card&apos;s unit first.</source>
        <translation>请先选择处置卡所属单位。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="431"/>
        <source>Could not read the unit</source>
        <translation>无法读取单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="442"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="443"/>
        <source>Choose the unit the card belongs to from the list.</source>
        <translation>请从列表中选择处置卡所属的单位。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="459"/>
        <source>Saving the handling card</source>
        <translation>保存处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="481"/>
        <source>Not saved: someone else changed this card meanwhile. Your text is still here — copy what you need, close this editor and open the card again.</source>
        <translation>未保存：在此期间其他人修改了这张处置卡。您填写的内容仍在此处——请复制需要的内容，关闭编辑窗口后重新打开处置卡。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="491"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/editor.py" line="491"/>
        <source>Close the editor without saving your changes?</source>
        <translation>不保存修改，直接关闭编辑窗口吗？</translation>
    </message>
</context>
<context>
    <name>CardFilterBar</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="43"/>
        <source>Post contains…</source>
        <translation>岗位包含…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="46"/>
        <source>Search cards…</source>
        <translation>搜索处置卡…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="48"/>
        <source>Stale only</source>
        <translation>仅显示需更新的</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="50"/>
        <source>Show only cards whose plan changed since the card was made</source>
        <translation>只显示编制后预案已发布新版本的处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="53"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="53"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="59"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="107"/>
        <source>All plans</source>
        <translation>全部预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/filters.py" line="108"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
</context>
<context>
    <name>CardTableModel</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="52"/>
        <source>Card</source>
        <translation>处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="53"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="54"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="55"/>
        <source>Place</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="56"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="57"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="58"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="59"/>
        <source>Issued</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="60"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="161"/>
        <source>(no plan)</source>
        <translation>（未关联预案）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="166"/>
        <source>Plan changed</source>
        <translation>预案已更新</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="166"/>
        <source>Current</source>
        <translation>现行</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="170"/>
        <source>The plan changed since this card: {plan} has published a newer version than the one this card follows. Bring the card up to date before printing it.</source>
        <translation>本卡编制后预案已更新：{plan} 已发布比本卡所依据版本更新的版本。请先更新本卡再打印。</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="76"/>
        <source>New card</source>
        <translation>新建处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="77"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="78"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="79"/>
        <location filename="../../src/planmgr/ui/cards/page.py" line="347"/>
        <source>Bring up to date</source>
        <translation>按预案更新</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="81"/>
        <source>Draw risks, steps and precautions again from the plan in force</source>
        <translation>按预案现行版本重新生成事故风险、处置步骤和注意事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="83"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="85"/>
        <source>Concise manual…</source>
        <translation>简明操作手册…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="87"/>
        <source>Print the concise manual of the plan of the chosen card</source>
        <translation>打印所选处置卡所属预案的简明操作手册</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="126"/>
        <source>No handling cards yet</source>
        <translation>尚无处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="128"/>
        <source>Click “New card”, choose the on-site plan the card follows and use “Draft from plan”: risks, steps, precautions and contacts are filled in from the plan.</source>
        <translation>点击“新建处置卡”，选择处置卡依据的现场处置方案，再点击“从预案生成”：事故风险、处置步骤、注意事项和联系电话会按预案自动填写。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="147"/>
        <source>Cards</source>
        <translation>处置卡列表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="148"/>
        <source>Print centre</source>
        <translation>打印中心</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="151"/>
        <source>Handling cards</source>
        <translation>处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="188"/>
        <source>Reading the cards…</source>
        <translation>正在读取处置卡…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="190"/>
        <source>Reading the handling cards</source>
        <translation>读取处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="213"/>
        <source>{shown} of {total} cards shown</source>
        <translation>显示 {shown} 张，共 {total} 张处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="218"/>
        <source>, &lt;span style=&apos;color:{colour}&apos;&gt;{stale} follow an outdated plan version&lt;/span&gt;</source>
        <translation>，&lt;span style=&apos;color:{colour}&apos;&gt;其中 {stale} 张所依据的预案已更新&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="289"/>
        <source>Could not open the editor</source>
        <translation>无法打开编辑窗口</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="301"/>
        <source>Could not open the card</source>
        <translation>无法打开处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="312"/>
        <source>… and {count} more</source>
        <translation>……另有 {count} 张</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="315"/>
        <source>Delete cards</source>
        <translation>删除处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="317"/>
        <source>Delete {count} handling cards?
{names}

They leave the lists and printing; the records stay in the database.</source>
        <translation>删除这 {count} 张处置卡吗？
{names}

删除后不再出现在列表和打印中，记录仍保留在数据库里。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="323"/>
        <source>Deleting handling cards</source>
        <translation>删除处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="341"/>
        <source>Could not update the card</source>
        <translation>无法更新处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="349"/>
        <source>Bring {count} cards up to date? Their risks, steps and precautions are drawn again from the version in force of their plan; title, post, number and contacts stay.</source>
        <translation>按预案更新这 {count} 张处置卡吗？事故风险、处置步骤和注意事项将按预案现行版本重新生成；名称、岗位、编号和联系电话保持不变。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="356"/>
        <source>Bringing cards up to date</source>
        <translation>按预案更新处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="384"/>
        <source>Concise manual</source>
        <translation>简明操作手册</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/page.py" line="385"/>
        <source>Choose a plan in the filter, or a card that follows a plan.</source>
        <translation>请在筛选中选择一个预案，或选择一张关联了预案的处置卡。</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="548"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="548"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="548"/>
        <source>External</source>
        <translation>外部</translation>
    </message>
</context>
<context>
    <name>PrintCentre</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="104"/>
        <source>Handling cards</source>
        <translation>处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="105"/>
        <source>Concise manual of a plan</source>
        <translation>预案简明操作手册</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="135"/>
        <source>Check all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="136"/>
        <source>Check none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="142"/>
        <source>Cards to print</source>
        <translation>要打印的处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="155"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="160"/>
        <source>Cover, summary, command structure, response flowchart, duties, contacts, resources and the plan&apos;s cards, from the plan&apos;s version in force.</source>
        <translation>按预案现行版本生成：封面、概要、组织指挥体系图、应急响应流程图、工作组职责、联系方式、应急资源和该预案的处置卡。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="172"/>
        <source>QR code with card id and version</source>
        <translation>印二维码（处置卡编码和版本）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="173"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="175"/>
        <source>Sheet</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="178"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="179"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="180"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="212"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="213"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="215"/>
        <source>The choice changed since this preview — preview again.</source>
        <translation>选择已改变，预览不是最新的——请重新预览。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="222"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="226"/>
        <source>No preview yet</source>
        <translation>尚无预览</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="227"/>
        <source>Choose cards or a plan and the layout on the left, then click “Preview”.</source>
        <translation>在左侧选择处置卡或预案以及版式，然后点击“预览”。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="355"/>
        <source>{chosen} of {shown} cards checked</source>
        <translation>已选 {chosen} 张，共显示 {shown} 张</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="362"/>
        <source>{count} of the cards to print follow an outdated version of their plan; you will be offered to bring them up to date first.</source>
        <translation>要打印的处置卡中有 {count} 张所依据的预案已更新；打印前会提示您先更新。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="400"/>
        <source>Preparing the preview</source>
        <translation>生成预览</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="414"/>
        <source>Preview failed</source>
        <translation>预览失败</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="415"/>
        <source>The PDF could not be shown ({error}).</source>
        <translation>无法显示该 PDF（{error}）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="435"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="442"/>
        <source>A6, one card a sheet</source>
        <translation>A6 单张</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="443"/>
        <source>A4, 4 cards a page (with cut lines)</source>
        <translation>A4 每页 4 张（带裁切线）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="444"/>
        <source>A5, 2 cards a page (with cut lines)</source>
        <translation>A5 每页 2 张（带裁切线）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="451"/>
        <source>{cards} cards on {pages} pages.</source>
        <translation>共 {cards} 张处置卡，{pages} 页。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="455"/>
        <source>Too long for one face, continued on the next: {titles}</source>
        <translation>以下处置卡内容较多，续印在下一面：{titles}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="461"/>
        <source>Concise manual: {pages} pages with {cards} cards.</source>
        <translation>简明操作手册共 {pages} 页，含 {cards} 张处置卡。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="467"/>
        <source>The font lacks these characters; they print as 〓: {chars}</source>
        <translation>字体缺少以下字符，已印为“〓”：{chars}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="474"/>
        <source>{char} ({code}) in {where}</source>
        <translation>{char}（{code}，见于：{where}）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="488"/>
        <source>… and {count} more</source>
        <translation>……另有 {count} 张</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="491"/>
        <source>Cards follow an outdated plan</source>
        <translation>处置卡依据的预案已更新</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="493"/>
        <source>The plan of these cards has published a newer version since the cards were made:
{titles}

Bring them up to date first? Their risks, steps and precautions are drawn again from the plan&apos;s version in force (title, post, number and contacts stay).
Choose No to print them as they are.</source>
        <translation>以下处置卡编制后，所属预案已发布新版本：
{titles}

是否先按预案更新这些处置卡？事故风险、处置步骤和注意事项将按预案现行版本重新生成（名称、岗位、编号和联系电话不变）。
选择“否”则按原样打印。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="505"/>
        <source>Bringing cards up to date</source>
        <translation>按预案更新处置卡</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="518"/>
        <source>{title} concise manual</source>
        <translation>{title} 简明操作手册</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="520"/>
        <source>Handling cards {date}</source>
        <translation>应急处置卡 {date}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="529"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="530"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="545"/>
        <source>Saving the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="552"/>
        <source>Writing the PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="559"/>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="579"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="583"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="584"/>
        <source>Sending pages to the printer</source>
        <translation>正在发送到打印机</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/print_centre.py" line="586"/>
        <source>{pages} pages sent to the printer {name}.</source>
        <translation>已将 {pages} 页发送到打印机 {name}。</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/rows_table.py" line="142"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/rows_table.py" line="143"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="530"/>
        <source>Action</source>
        <translation>处置内容</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/models.py" line="530"/>
        <source>Responsible post</source>
        <translation>负责岗位</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../src/planmgr/ui/cards/printing.py" line="72"/>
        <source>Cannot read the file to print: {path}</source>
        <translation>无法读取要打印的文件：{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/cards/printing.py" line="79"/>
        <source>Cannot start printing: the printer is unavailable or busy. Check it and try again.</source>
        <translation>无法开始打印：打印机不可用或被占用，请检查打印机后重试</translation>
    </message>
</context>
</TS>
