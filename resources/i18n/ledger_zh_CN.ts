<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommitPage</name>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="412"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="413"/>
        <source>The changes are written in one transaction: all of them, or none.</source>
        <translation>所有改动在一个事务中写入：要么全部写入，要么都不写入。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="426"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="433"/>
        <source>Importing the {ledger}</source>
        <translation>导入{ledger}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="449"/>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，没有写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="451"/>
        <source>The import did not finish; nothing was written.</source>
        <translation>导入未完成，没有写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="466"/>
        <source>Imported the {ledger}: {rows} rows — {inserted} new, {updated} changed, {unchanged} unchanged.</source>
        <translation>已导入{ledger}：共 {rows} 行——新增 {inserted}，更新 {updated}，未变 {unchanged}。</translation>
    </message>
</context>
<context>
    <name>ErrorsModel</name>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="115"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="115"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="115"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="115"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="71"/>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="118"/>
        <source>Choose the ledger file</source>
        <translation>选择台账文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="74"/>
        <source>An .xlsx workbook or a .csv file (UTF-8 or GBK). The first row holds the column headers. Import in this order the first time: units, plans, drills, filings.</source>
        <translation>.xlsx 工作簿或 .csv 文件（UTF-8 或 GBK 编码），第 1 行是表头。第一次导入请按 单位 → 预案 → 演练 → 备案 的顺序。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="79"/>
        <source>Click Browse… to choose a file</source>
        <translation>点击“浏览…”选择文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="80"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="89"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="90"/>
        <source>Ledger:</source>
        <translation>台账种类：</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="94"/>
        <source>Nothing is written until every cell is valid: a file with any error is reported in full and not imported.</source>
        <translation>每个单元格都正确才会写入：只要有一处错误，就列出全部错误，一条也不导入。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="119"/>
        <source>Ledgers (*.xlsx *.csv);;All files (*)</source>
        <translation>台账 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>LedgerWizard</name>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="501"/>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="53"/>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="79"/>
        <source>Recognised: {header} (required)</source>
        <translation>已识别：{header}（必填）</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="80"/>
        <source>Recognised: {header}</source>
        <translation>已识别：{header}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="82"/>
        <source>The errors column of an errors workbook: ignored on import.</source>
        <translation>错误文件的“错误说明”列：导入时忽略。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="84"/>
        <source>No header: a column with data here is refused.</source>
        <translation>没有表头：这一列有数据时导入会报错。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/models.py" line="85"/>
        <source>Not a column of the {ledger}: the import refuses the file.</source>
        <translation>不是{ledger}的列：导入时会报错。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="141"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="143"/>
        <source>The first rows of the sheet to import. Green headers are recognised, red ones are not.</source>
        <translation>将导入的工作表的前几行。绿色表头为已识别的列，红色为不认识的列。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="161"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="174"/>
        <source>Reading the ledger</source>
        <translation>读取台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="192"/>
        <source>Sheet “{sheet}”: {rows} data rows (the first {shown} shown); {known} columns recognised.</source>
        <translation>工作表“{sheet}”：共 {rows} 行数据（预览前 {shown} 行）；已识别 {known} 列。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="195"/>
        <source>Encoding: {encoding}.</source>
        <translation>文件编码：{encoding}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="201"/>
        <source>Unknown columns (red): {columns} — the import refuses them; rename or delete them.</source>
        <translation>不认识的列（红色）：{columns}——导入时会报错，请改正列名或删除这些列。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="206"/>
        <source>Required columns missing: {columns}.</source>
        <translation>缺少必填列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="212"/>
        <source>Columns appearing twice: {columns}.</source>
        <translation>重复的列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="222"/>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
</context>
<context>
    <name>ValidatePage</name>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="239"/>
        <source>Validation</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="241"/>
        <source>Every cell is checked and every row matched against the database; nothing is written.</source>
        <translation>逐格检查并与数据库逐行比对；此步不写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="244"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="258"/>
        <source>Save errors workbook…</source>
        <translation>保存错误文件…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="262"/>
        <source>A copy of the file with an errors column and the bad cells in red; correct it and import it again.</source>
        <translation>另存一份原表：增加“错误说明”列，出错的单元格标红；改正后可以再次导入。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="267"/>
        <source>Validate again</source>
        <translation>重新校验</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="299"/>
        <source>Validating…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="307"/>
        <source>Validating the {ledger}</source>
        <translation>校验{ledger}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="326"/>
        <source>Validation was cancelled; nothing was written.</source>
        <translation>校验已取消，没有写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="328"/>
        <source>Validation did not finish; nothing was written.</source>
        <translation>校验未完成，没有写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="347"/>
        <source>{count} problems found; nothing was imported. Correct them and import again.</source>
        <translation>发现 {count} 处错误，未导入任何数据。请改正后重新导入。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="355"/>
        <source>Every cell is valid: {rows} rows — {inserted} new, {updated} changed, {unchanged} unchanged. Click Import to write them (all in one go).</source>
        <translation>全部单元格校验通过：共 {rows} 行——将新增 {inserted}，更新 {updated}，未变 {unchanged}。点击“导入”一次性写入。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="377"/>
        <source>Save errors workbook</source>
        <translation>保存错误文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="378"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="379"/>
        <source>{name}-errors.xlsx</source>
        <translation>{name}-错误说明.xlsx</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="391"/>
        <source>Saving the errors workbook</source>
        <translation>保存错误文件</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="395"/>
        <source>Errors workbook saved</source>
        <translation>错误文件已保存</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/wizard.py" line="396"/>
        <source>Saved to:
{path}
The bad cells are red; the errors column says why.</source>
        <translation>已保存到：
{path}
出错的单元格标为红色，“错误说明”列写明原因。</translation>
    </message>
</context>
<context>
    <name>ledger</name>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="41"/>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="42"/>
        <source>Open a database first.</source>
        <translation>请先打开数据库。</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="62"/>
        <source>Export {ledger}</source>
        <translation>导出{ledger}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="63"/>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="76"/>
        <source>Exporting the {ledger}</source>
        <translation>导出{ledger}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="80"/>
        <source>Ledger exported</source>
        <translation>台账已导出</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="81"/>
        <source>Exported {rows} rows to:
{path}</source>
        <translation>已导出 {rows} 行到：
{path}</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="98"/>
        <source>&amp;Import ledger…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="102"/>
        <source>Import units, plans, drills or filings from an xlsx or csv ledger</source>
        <translation>从 xlsx 或 csv 台账导入单位、预案、演练或备案</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/__init__.py" line="109"/>
        <source>&amp;Export ledger</source>
        <translation>导出台账(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/texts.py" line="17"/>
        <source>units ledger</source>
        <translation>单位台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/texts.py" line="18"/>
        <source>plans ledger</source>
        <translation>预案台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/texts.py" line="19"/>
        <source>drills ledger</source>
        <translation>演练台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/texts.py" line="20"/>
        <source>filings ledger</source>
        <translation>备案台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/texts.py" line="28"/>
        <source>Units ledger</source>
        <translation>单位台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/texts.py" line="29"/>
        <source>Plans ledger</source>
        <translation>预案台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/texts.py" line="30"/>
        <source>Drills ledger</source>
        <translation>演练台账</translation>
    </message>
    <message>
        <location filename="../../src/planmgr/ui/ledger/texts.py" line="31"/>
        <source>Filings ledger</source>
        <translation>备案台账</translation>
    </message>
</context>
</TS>
