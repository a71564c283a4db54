<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>UnitEditor</name>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="75"/>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="75"/>
        <source>New unit</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="89"/>
        <source>18 characters, optional</source>
        <translation>18 位，选填</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="94"/>
        <source>e.g. 440783</source>
        <translation>如 440783</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="97"/>
        <location filename="../../src/planmgr/ui/units/editor.py" line="101"/>
        <source>(not set)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="108"/>
        <source>files its plans with the authority (ENT Art.26)</source>
        <translation>应急预案须报送备案（《生产安全事故应急预案管理办法》第二十六条）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="109"/>
        <source>drills every 6 months (ENT Art.33; REG708 Art.8)</source>
        <translation>每半年至少演练一次（《生产安全事故应急预案管理办法》第三十三条；《生产安全事故应急条例》第八条）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="110"/>
        <source>plans reviewed, evaluated every 3 years (ENT Art.21, Art.35)</source>
        <translation>预案须评审，每三年至少评估一次（《生产安全事故应急预案管理办法》第二十一条、第三十五条）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="113"/>
        <source>Key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="128"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="130"/>
        <source>Name *</source>
        <translation>单位名称 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="131"/>
        <source>Kind *</source>
        <translation>单位类型 *</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="132"/>
        <source>Parent unit</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="133"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="135"/>
        <source>Region code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="137"/>
        <source>Industry and flags</source>
        <translation>行业与标志</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="139"/>
        <source>Industry</source>
        <translation>行业类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="140"/>
        <source>Scale</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="143"/>
        <source>Set from industry and scale:</source>
        <translation>由行业类型和企业规模自动确定：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="157"/>
        <source>Address and contacts</source>
        <translation>地址与联系方式</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="161"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="161"/>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="162"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="162"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="163"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="163"/>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="182"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="183"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="209"/>
        <source>(no parent unit)</source>
        <translation>（无上级单位）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="278"/>
        <source>Optional; checked as you type (GB 32100-2015).</source>
        <translation>选填；输入时即按 GB 32100-2015 校验。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="287"/>
        <source>✓ The check character is correct.</source>
        <translation>✓ 校验位正确。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="308"/>
        <source>Parent unit not found: {name} (choose one from the list)</source>
        <translation>找不到上级单位：{name}（请从列表中选择）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="341"/>
        <source>Creating the unit</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/editor.py" line="346"/>
        <source>Saving the unit</source>
        <translation>保存单位</translation>
    </message>
</context>
<context>
    <name>UnitPlansModel</name>
    <message>
        <location filename="../../src/planmgr/ui/units/plans_model.py" line="26"/>
        <source>Plan name</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/plans_model.py" line="26"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/plans_model.py" line="26"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/plans_model.py" line="26"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/plans_model.py" line="61"/>
        <source>unpublished</source>
        <translation>未发布</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/plans_model.py" line="68"/>
        <source>Double-click to open the plan.</source>
        <translation>双击打开该预案。</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="72"/>
        <source>New unit</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="74"/>
        <source>New unit under it</source>
        <translation>新建下级单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="76"/>
        <source>Edit unit…</source>
        <translation>编辑单位…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="82"/>
        <source>Find a unit by name (Enter: next)</source>
        <translation>按名称查找单位（回车：下一个）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="91"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="128"/>
        <source>No units yet</source>
        <translation>尚无单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="130"/>
        <source>Add the city, its departments and towns, and the villages and enterprises under them with &quot;New unit&quot; above, or import a units ledger (planmgr ledger import units FILE.xlsx --db DATABASE).</source>
        <translation>用上方的“新建单位”添加市（县）政府、部门、乡镇（街道）及其下的村（社区）和企业，或导入单位台账（planmgr ledger import units 文件.xlsx --db 数据库）。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="154"/>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="155"/>
        <source>Kind</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="156"/>
        <source>Parent unit</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="157"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="158"/>
        <source>Region code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="159"/>
        <source>Industry</source>
        <translation>行业类型</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="160"/>
        <source>Scale</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="161"/>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="162"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="163"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="164"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="165"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="166"/>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="205"/>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="206"/>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="207"/>
        <source>Due</source>
        <translation>到期事项</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="245"/>
        <source>Could not read the database</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="320"/>
        <source>Select a unit in the tree.</source>
        <translation>请在左侧选择一个单位。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="329"/>
        <source>must file its plans</source>
        <translation>应备案单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="330"/>
        <source>high risk</source>
        <translation>高危单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="331"/>
        <source>listed for review</source>
        <translation>应评审单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="332"/>
        <source>key enterprise</source>
        <translation>重点企业</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="362"/>
        <source>{name} has no plans yet.</source>
        <translation>{name}尚无预案。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="364"/>
        <source>{count} plans. Double-click one to open it.</source>
        <translation>共 {count} 个预案，双击打开。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="368"/>
        <source>Plans ({count})</source>
        <translation>预案（{count}）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="437"/>
        <source>No unit found</source>
        <translation>未找到单位</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/units/page.py" line="442"/>
        <source>{n} of {total}</source>
        <translation>第 {n} 个，共 {total} 个</translation>
    </message>
</context>
</TS>
