<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="47"/>
        <source>规划编制助手</source>
        <translation>PlanDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="56"/>
        <source>无法打开规划库</source>
        <translation>Cannot open the library</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../desktop/compare_view.py" line="41"/>
        <source>相同</source>
        <translation>Same</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="42"/>
        <source>改写</source>
        <translation>Reworded</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="43"/>
        <source>改名</source>
        <translation>Renamed</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="44"/>
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="45"/>
        <location filename="../../desktop/compare_view.py" line="56"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="46"/>
        <location filename="../../desktop/compare_view.py" line="55"/>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="47"/>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="48"/>
        <source>合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="49"/>
        <location filename="../../desktop/compare_view.py" line="112"/>
        <source>变化</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="71"/>
        <source>章节：{sections}（相同 {same}）；字符 +{inserted} −{deleted}；指标 新增 {added}，删除 {removed}，变化 {changed}</source>
        <translation>Sections: {sections} (same {same}); characters +{inserted} −{deleted}; indicators added {added}, removed {removed}, changed {changed}</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="73"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="74"/>
        <source>无变化</source>
        <translation>no changes</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="90"/>
        <source>忽略标点和空白</source>
        <translation>Ignore punctuation and whitespace</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="91"/>
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="93"/>
        <source>上一处</source>
        <translation>Previous change</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="93"/>
        <source>下一处</source>
        <translation>Next change</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="96"/>
        <source>导出 HTML 报告…</source>
        <translation>Export HTML report…</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="98"/>
        <source>导出修订版 Word…</source>
        <translation>Export redline Word…</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="100"/>
        <source>选择旧版和新版，然后点“比较”。</source>
        <translation>Choose the old and the new version, then click “Compare”.</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="103"/>
        <location filename="../../desktop/compare_view.py" line="112"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="103"/>
        <source>旧版章节</source>
        <translation>Old section</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="103"/>
        <source>新版章节</source>
        <translation>New section</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="103"/>
        <source>相似度</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="112"/>
        <source>旧版指标</source>
        <translation>Old indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="112"/>
        <source>新版指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="115"/>
        <source>旧版</source>
        <translation>Old</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="115"/>
        <source>新版</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="125"/>
        <source>章节</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="126"/>
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="162"/>
        <source>正在比较…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="170"/>
        <source>正在比较{caption}…</source>
        <translation>Comparing {caption}…</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="178"/>
        <source>{caption}：</source>
        <translation>{caption}: </translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="229"/>
        <source>导出修订版</source>
        <translation>Export redline</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="229"/>
        <source>修订版.docx</source>
        <translation>redline.docx</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="230"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="237"/>
        <source>已导出修订版：{path}</source>
        <translation>Redline exported: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="245"/>
        <source>导出比较报告</source>
        <translation>Export comparison report</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="245"/>
        <source>比较报告.html</source>
        <translation>comparison-report.html</translation>
    </message>
    <message>
        <location filename="../../desktop/compare_view.py" line="246"/>
        <source>网页 (*.html)</source>
        <translation>Web pages (*.html)</translation>
    </message>
</context>
<context>
    <name>DraftingView</name>
    <message>
        <location filename="../../desktop/drafting_view.py" line="67"/>
        <source>在规划库中打开一份草稿（或用“新建草稿”）。</source>
        <translation>Open a draft from the library (or use “New draft”).</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="70"/>
        <source>提纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="74"/>
        <source>所选章节的正文</source>
        <translation>Text of the selected section</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="80"/>
        <source>添加项目</source>
        <translation>Add project</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="82"/>
        <source>删除所选项目</source>
        <translation>Delete selected projects</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="101"/>
        <location filename="../../desktop/drafting_view.py" line="209"/>
        <source>添加章节</source>
        <translation>Add section</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="101"/>
        <source>添加子节</source>
        <translation>Add subsection</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="101"/>
        <location filename="../../desktop/drafting_view.py" line="227"/>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="102"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="102"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="102"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="102"/>
        <source>升级</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="103"/>
        <source>降级</source>
        <translation>Indent</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="103"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="103"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="103"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="104"/>
        <location filename="../../desktop/drafting_view.py" line="428"/>
        <source>存为快照</source>
        <translation>Save snapshot</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="104"/>
        <source>版本…</source>
        <translation>Versions…</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="104"/>
        <source>比较版本…</source>
        <translation>Compare versions…</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="105"/>
        <source>复用章节…</source>
        <translation>Reuse section…</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="114"/>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="115"/>
        <source>指标表</source>
        <translation>Indicator table</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="116"/>
        <source>重点工程</source>
        <translation>Key projects</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="134"/>
        <source>草稿 #{id}：{title}</source>
        <translation>Draft #{id}: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="139"/>
        <source>已打开（自动保存：每 30 秒）</source>
        <translation>Opened (autosave: every 30 s)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="156"/>
        <source>［专栏］</source>
        <translation> [box]</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="209"/>
        <location filename="../../desktop/drafting_view.py" line="227"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="291"/>
        <source>有未保存的修改（30 秒内自动保存）</source>
        <translation>Unsaved changes (autosaved within 30 s)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="301"/>
        <source>已自动保存</source>
        <translation>Autosaved</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="301"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="308"/>
        <source>保存失败：</source>
        <translation>Save failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="320"/>
        <source>这份草稿还没有保存过版本。</source>
        <translation>This draft has no saved versions yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="322"/>
        <source>快照</source>
        <translation>snapshot</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="325"/>
        <source>恢复版本</source>
        <translation>Restore version</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="325"/>
        <source>恢复到哪个版本（当前内容会先存为快照）</source>
        <translation>Restore which version (the current content is saved as a snapshot first)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="338"/>
        <source>至少要有两个保存的版本才能比较。</source>
        <translation>At least two saved versions are needed to compare.</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="341"/>
        <location filename="../../desktop/drafting_view.py" line="344"/>
        <source>比较版本</source>
        <translation>Compare versions</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="341"/>
        <source>旧版本</source>
        <translation>Old version</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="344"/>
        <source>新版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="356"/>
        <source>版本 {old} → 版本 {new}</source>
        <translation>version {old} → version {new}</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="376"/>
        <source>已恢复到版本 {id}</source>
        <translation>Restored to version {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="387"/>
        <source>规划库中还没有可复用的规划。</source>
        <translation>The library has no plan to reuse yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="390"/>
        <location filename="../../desktop/drafting_view.py" line="393"/>
        <source>复用章节</source>
        <translation>Reuse section</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="390"/>
        <source>从哪份规划复用</source>
        <translation>Reuse from which plan</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="393"/>
        <source>章节（如：四、 或 三、/（七） 或 标题中的词）</source>
        <translation>Section (e.g. 四、 or 三、/（七） or a word of its title)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="420"/>
        <source>已复用：{title} › {spec}（接受 {accepted} 处替换，共 {total} 处）</source>
        <translation>Reused: {title} › {spec} ({accepted} of {total} replacements accepted)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="428"/>
        <source>快照名称</source>
        <translation>Snapshot name</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="434"/>
        <source>已存为快照 {version}：{name}</source>
        <translation>Saved as snapshot {version}: {name}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="31"/>
        <source>党政机关公文格式（GB/T 9704-2012）</source>
        <translation>Official document format (GB/T 9704-2012)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="32"/>
        <source>规划文本（装订本）</source>
        <translation>Plan text (bound booklet)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="40"/>
        <source>导出 Word 文档</source>
        <translation>Export Word document</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="46"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="52"/>
        <source>可选：自己的参考文档（.docx），用其中的样式</source>
        <translation>Optional: your own reference document (.docx) whose styles are used</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="58"/>
        <source>生成目录</source>
        <translation>Table of contents</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="65"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="66"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="67"/>
        <source>参考文档</source>
        <translation>Reference document</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="74"/>
        <source>导出为</source>
        <translation>Export as</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="74"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="83"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="90"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/import_dialog.py" line="21"/>
        <source>✓ 已导入</source>
        <translation>✓ imported</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="22"/>
        <source>＝ 已在库中</source>
        <translation>= already in the library</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="23"/>
        <source>✗ 失败</source>
        <translation>✗ failed</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="29"/>
        <source>导入规划</source>
        <translation>Import plans</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="31"/>
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="54"/>
        <source>正在导入：{file}</source>
        <translation>Importing: {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="67"/>
        <source>已取消。</source>
        <translation>Cancelled: </translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="67"/>
        <source>完成。</source>
        <translation>Done: </translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="68"/>
        <source>导入 {imported}，已在库中 {duplicate}，失败 {failed}</source>
        <translation>imported {imported}, already in the library {duplicate}, failed {failed}</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="81"/>
        <source>正在取消（当前文件完成后停止）…</source>
        <translation>Cancelling (stops after the current file)…</translation>
    </message>
</context>
<context>
    <name>IndicatorEditor</name>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="24"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="24"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="25"/>
        <source>参考值</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="25"/>
        <source>基期值</source>
        <translation>Base value</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="26"/>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="26"/>
        <source>计算方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="27"/>
        <source>年均增长</source>
        <translation>Annual growth</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="27"/>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="33"/>
        <source>复合增长率</source>
        <translation>Compound growth rate</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="34"/>
        <source>百分点/年</source>
        <translation>Percentage points/year</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="35"/>
        <source>年增量</source>
        <translation>Annual increment</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="41"/>
        <source>✓ 复合增长</source>
        <translation>✓ compound growth</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="42"/>
        <source>✓ 百分点</source>
        <translation>✓ percentage points</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="43"/>
        <source>✓ 年增量</source>
        <translation>✓ annual increment</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="44"/>
        <source>✗ 不一致</source>
        <translation>✗ inconsistent</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="103"/>
        <source>计算值：{values}</source>
        <translation>Computed: {values}</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="103"/>
        <source>数据不足</source>
        <translation>Not enough data</translation>
    </message>
</context>
<context>
    <name>LibraryOp</name>
    <message>
        <location filename="../../desktop/ops.py" line="146"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ops.py" line="147"/>
        <source>规划编制助手</source>
        <translation>PlanDesk</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../desktop/library_view.py" line="34"/>
        <source>筛选：标题、地区、时期、文号…</source>
        <translation>Filter: title, region, period, document number…</translation>
    </message>
    <message>
        <location filename="../../desktop/library_view.py" line="46"/>
        <source>规划库是空的。用“导入文件…”“导入文件夹…”导入以往的规划（.txt .docx .html），也可以把文件拖到这里；或用“新建草稿…”开始编制新规划。想先试试：点“导入示例规划”。</source>
        <translation>The library is empty. Use “Import files…” or “Import folder…” to import earlier plans (.txt .docx .html), or drag files here; or use “New draft…” to start drafting a new plan. To try it out first: click “Import sample plans”.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="48"/>
        <source>规划文件 (*.txt *.docx *.html *.htm);;所有文件 (*)</source>
        <translation>Plan files (*.txt *.docx *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="55"/>
        <source>规划编制助手 PlanDesk</source>
        <translation>PlanDesk — planning assistant</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="64"/>
        <source>规划库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="65"/>
        <location filename="../../desktop/main_window.py" line="126"/>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="66"/>
        <source>阅读</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="67"/>
        <source>起草</source>
        <translation>Drafting</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="68"/>
        <location filename="../../desktop/main_window.py" line="293"/>
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="69"/>
        <source>指标趋势</source>
        <translation>Indicator trends</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="72"/>
        <source>检索全文，如：政务 数据共享</source>
        <translation>Full-text search, e.g. 政务 数据共享</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="79"/>
        <source>规划库：{path}</source>
        <translation>Library: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="93"/>
        <source>主工具栏</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="97"/>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="98"/>
        <source>导入文件夹…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="99"/>
        <source>导入示例规划</source>
        <translation>Import sample plans</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="100"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="101"/>
        <location filename="../../desktop/main_window.py" line="185"/>
        <location filename="../../desktop/main_window.py" line="195"/>
        <source>重新导入</source>
        <translation>Re-import</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="102"/>
        <source>新建草稿…</source>
        <translation>New draft…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="103"/>
        <source>导出 Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="104"/>
        <source>与上一期比较</source>
        <translation>Compare with previous</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="105"/>
        <source>上一期规划…</source>
        <translation>Previous plan…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="115"/>
        <location filename="../../desktop/main_window.py" line="117"/>
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="123"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="139"/>
        <source>共 {n} 份</source>
        <translation>{n} in total</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146"/>
        <source>导入规划文件</source>
        <translation>Import plan files</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="151"/>
        <source>导入文件夹中的规划</source>
        <translation>Import the plans in a folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>删除规划</source>
        <translation>Delete plans</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>从规划库中删除以下 {n} 份规划？

{titles}</source>
        <translation>Delete the following {n} plan(s) from the library?

{titles}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="186"/>
        <source>从原文件重新导入以下 {n} 份规划？（库中的这几份会被替换）

{titles}</source>
        <translation>Re-import the following {n} plan(s) from their source files? (They will be replaced in the library.)

{titles}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="190"/>
        <source>正在重新导入…</source>
        <translation>Re-importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="196"/>
        <source>已重新导入 {n} 份</source>
        <translation>{n} re-imported</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>（还没有打开过规划）</source>
        <translation>(no plan opened yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="258"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="258"/>
        <source>请先在规划库中选择一份规划。</source>
        <translation>Select a plan in the library first.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="279"/>
        <source>（自动：同一地区的上一期）</source>
        <translation>(automatic: the previous period of the same region)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="280"/>
        <source>上一期规划</source>
        <translation>Previous plan</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="280"/>
        <source>这份规划接续哪一份？</source>
        <translation>Which plan does this one follow?</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="293"/>
        <source>没有找到这份规划的上一期规划（同一地区、紧接的时期）。</source>
        <translation>No previous plan found for this plan (same region, immediately preceding period).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="300"/>
        <source>规划编制助手 PlanDesk {version}

规划库：{path}
共 {n} 份规划和草稿</source>
        <translation>PlanDesk {version}

Library: {path}
{n} plans and drafts in total</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="304"/>
        <source>关于规划编制助手</source>
        <translation>About PlanDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="307"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>NewDraftDialog</name>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="28"/>
        <source>（按地区级别自动选择）</source>
        <translation>(chosen automatically by region level)</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="36"/>
        <source>新建规划草稿</source>
        <translation>New plan draft</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="38"/>
        <source>如：江西省、南昌市</source>
        <translation>e.g. 江西省, 南昌市</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="49"/>
        <source>（不沿用）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="56"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="57"/>
        <source>规划期</source>
        <translation>Plan period</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="58"/>
        <source>骨架</source>
        <translation>Skeleton</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="59"/>
        <source>发文机关</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="60"/>
        <source>上一期规划（沿用指标表）</source>
        <translation>Previous plan (indicator table carried over)</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <location filename="../../desktop/plan_table.py" line="15"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_table.py" line="15"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_table.py" line="15"/>
        <source>时期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_table.py" line="15"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_table.py" line="15"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_table.py" line="15"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_table.py" line="16"/>
        <source>规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../desktop/plan_table.py" line="16"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <location filename="../../desktop/project_editor.py" line="10"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/project_editor.py" line="10"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/project_editor.py" line="11"/>
        <source>建设目标</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../desktop/project_editor.py" line="11"/>
        <source>建设依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../desktop/project_editor.py" line="40"/>
        <source>新项目</source>
        <translation>New project</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../desktop/reader_view.py" line="14"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../desktop/reader_view.py" line="40"/>
        <source>［专栏］</source>
        <translation> [box]</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="86"/>
        <source>复用章节：确认顺延替换</source>
        <translation>Reuse section: confirm roll-forward replacements</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="96"/>
        <source>全部接受</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_dialogs.py" line="103"/>
        <source>共 {n} 处替换；取消勾选的保持原文。</source>
        <translation>{n} replacement(s); unchecked ones keep the original text.</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../desktop/search_view.py" line="23"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/search_view.py" line="28"/>
        <source>&lt;p&gt;未找到“{query}”。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nothing found for “{query}”.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/search_view.py" line="54"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/search_view.py" line="56"/>
        <source>时期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/search_view.py" line="81"/>
        <source>{n} 条结果</source>
        <translation>{n} results</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="51"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="63"/>
        <source>可选：带有自己字体和字号的参考文档（.docx）</source>
        <translation>Optional: a reference document (.docx) with your fonts and sizes</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="65"/>
        <source>选择规划库…</source>
        <translation>Choose library…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="67"/>
        <source>选择参考文档…</source>
        <translation>Choose reference document…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="73"/>
        <location filename="../../desktop/settings_dialog.py" line="83"/>
        <source>规划库文件</source>
        <translation>Library file</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="74"/>
        <source>默认导出格式</source>
        <translation>Default export format</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="75"/>
        <source>参考文档（字体、字号）</source>
        <translation>Reference document (fonts, sizes)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="77"/>
        <source>更换规划库在重新启动后生效。</source>
        <translation>A new library location takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="78"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="79"/>
        <source>界面语言（中文 / English）在重新启动后生效。</source>
        <translation>The interface language (中文 / English) takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="83"/>
        <source>规划库 (*.sqlite3)</source>
        <translation>Library (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="89"/>
        <source>参考文档</source>
        <translation>Reference document</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="89"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../desktop/trend_chart.py" line="28"/>
        <source>基期值</source>
        <translation>Base value</translation>
    </message>
    <message>
        <location filename="../../desktop/trend_chart.py" line="28"/>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../desktop/trend_chart.py" line="39"/>
        <source>没有可绘制的数值</source>
        <translation>No values to plot</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../../desktop/trends_view.py" line="22"/>
        <source>在“阅读”中打开一份规划，即可查看其指标在各时期的变化。</source>
        <translation>Open a plan in “Reader” to see how its indicators changed across periods.</translation>
    </message>
    <message>
        <location filename="../../desktop/trends_view.py" line="28"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
</context>
</TS>
