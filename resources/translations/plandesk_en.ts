<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="42"/>
        <source>规划编制助手</source>
        <translation>PlanDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="82"/>
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
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/draft_team.py" line="62"/>
        <source>草稿已被他人修改</source>
        <translation>Someone else changed the draft</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="64"/>
        <source>您打开这份草稿之后，{who} 在 {at} 保存了它。为了不覆盖对方的修改，您的修改还没有保存。</source>
        <translation>{who} saved this draft at {at}, after you opened it. Your changes have not been saved, so as not to overwrite theirs.</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="65"/>
        <source>他人</source>
        <translation>someone else</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="67"/>
        <source>载入对方的版本：放弃您未保存的修改。
另存为新草稿：您的修改存成一份新草稿，原草稿保持对方的版本。</source>
        <translation>Load their version: your unsaved changes are discarded.
Save as a new draft: your changes become a new draft; the original keeps their version.</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="69"/>
        <source>载入对方的版本</source>
        <translation>Load their version</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="70"/>
        <source>另存为新草稿</source>
        <translation>Save as a new draft</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="71"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DraftingView</name>
    <message>
        <location filename="../../desktop/drafting_view.py" line="89"/>
        <location filename="../../desktop/drafting_view.py" line="204"/>
        <source>在规划库中打开一份草稿（或用“新建草稿”）。</source>
        <translation>Open a draft from the library (or use “New draft”).</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="92"/>
        <source>提纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="96"/>
        <source>所选章节的正文</source>
        <translation>Text of the selected section</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="102"/>
        <source>添加项目</source>
        <translation>Add project</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="104"/>
        <source>删除所选项目</source>
        <translation>Delete selected projects</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="127"/>
        <location filename="../../desktop/drafting_view.py" line="409"/>
        <source>添加章节</source>
        <translation>Add section</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="127"/>
        <source>添加子节</source>
        <translation>Add subsection</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="127"/>
        <location filename="../../desktop/drafting_view.py" line="427"/>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="128"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="128"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="128"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="128"/>
        <source>升级</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="129"/>
        <source>降级</source>
        <translation>Indent</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="129"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="129"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="129"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="130"/>
        <location filename="../../desktop/drafting_view.py" line="710"/>
        <source>存为快照</source>
        <translation>Save snapshot</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="130"/>
        <source>版本…</source>
        <translation>Versions…</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="130"/>
        <source>比较版本…</source>
        <translation>Compare versions…</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="131"/>
        <source>复用章节…</source>
        <translation>Reuse section…</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="131"/>
        <source>关闭草稿</source>
        <translation>Close draft</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="139"/>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="140"/>
        <source>指标表</source>
        <translation>Indicator table</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="141"/>
        <source>重点工程</source>
        <translation>Key projects</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="205"/>
        <source>草稿已关闭</source>
        <translation>Draft closed</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="233"/>
        <source>草稿 #{id}：{title}</source>
        <translation>Draft #{id}: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="248"/>
        <source>已打开（自动保存：每 30 秒）</source>
        <translation>Opened (autosave: every 30 s)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="259"/>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="324"/>
        <source>已刷新：对方保存了新的内容</source>
        <translation>Refreshed: the editor saved new content</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="335"/>
        <source>刷新失败：</source>
        <translation>Refresh failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="353"/>
        <source>［专栏］</source>
        <translation> [box]</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="386"/>
        <source>只读：这份草稿现在不能修改</source>
        <translation>Read-only: this draft cannot be changed now</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="409"/>
        <location filename="../../desktop/drafting_view.py" line="427"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="491"/>
        <source>有未保存的修改（30 秒内自动保存）</source>
        <translation>Unsaved changes (autosaved within 30 s)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="511"/>
        <source>已自动保存</source>
        <translation>Autosaved</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="511"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="519"/>
        <source>未保存：草稿已被他人修改</source>
        <translation>Not saved: someone else changed the draft</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="527"/>
        <source>保存失败：</source>
        <translation>Save failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="545"/>
        <source>未保存：草稿已被他人修改（再次保存时会询问）</source>
        <translation>Not saved: someone else changed the draft (saving again will ask)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="552"/>
        <source>已载入对方保存的版本</source>
        <translation>Loaded the version they saved</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="562"/>
        <source>{title}（副本）</source>
        <translation>{title} (copy)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="573"/>
        <location filename="../../desktop/drafting_view.py" line="588"/>
        <source>您的修改已另存为新草稿 #{id}</source>
        <translation>Your changes were saved as new draft #{id}</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="600"/>
        <source>这份草稿还没有保存过版本。</source>
        <translation>This draft has no saved versions yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="602"/>
        <source>快照</source>
        <translation>snapshot</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="605"/>
        <source>恢复版本</source>
        <translation>Restore version</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="605"/>
        <source>恢复到哪个版本（当前内容会先存为快照）</source>
        <translation>Restore which version (the current content is saved as a snapshot first)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="618"/>
        <source>至少要有两个保存的版本才能比较。</source>
        <translation>At least two saved versions are needed to compare.</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="621"/>
        <location filename="../../desktop/drafting_view.py" line="624"/>
        <source>比较版本</source>
        <translation>Compare versions</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="621"/>
        <source>旧版本</source>
        <translation>Old version</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="624"/>
        <source>新版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="636"/>
        <source>版本 {old} → 版本 {new}</source>
        <translation>version {old} → version {new}</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="658"/>
        <source>已恢复到版本 {id}</source>
        <translation>Restored to version {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="669"/>
        <source>规划库中还没有可复用的规划。</source>
        <translation>The library has no plan to reuse yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="672"/>
        <location filename="../../desktop/drafting_view.py" line="675"/>
        <source>复用章节</source>
        <translation>Reuse section</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="672"/>
        <source>从哪份规划复用</source>
        <translation>Reuse from which plan</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="675"/>
        <source>章节（如：四、 或 三、/（七） 或 标题中的词）</source>
        <translation>Section (e.g. 四、 or 三、/（七） or a word of its title)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="702"/>
        <source>已复用：{title} › {spec}（接受 {accepted} 处替换，共 {total} 处）</source>
        <translation>Reused: {title} › {spec} ({accepted} of {total} replacements accepted)</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="710"/>
        <source>快照名称</source>
        <translation>Snapshot name</translation>
    </message>
    <message>
        <location filename="../../desktop/drafting_view.py" line="716"/>
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
        <location filename="../../desktop/indicator_editor.py" line="115"/>
        <source>计算值：{values}</source>
        <translation>Computed: {values}</translation>
    </message>
    <message>
        <location filename="../../desktop/indicator_editor.py" line="115"/>
        <source>数据不足</source>
        <translation>Not enough data</translation>
    </message>
</context>
<context>
    <name>LibraryOp</name>
    <message>
        <location filename="../../desktop/ops.py" line="158"/>
        <location filename="../../desktop/ops.py" line="201"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ops.py" line="159"/>
        <source>规划编制助手</source>
        <translation>PlanDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ops.py" line="198"/>
        <source>与资料库的连接中断</source>
        <translation>Connection to the library lost</translation>
    </message>
    <message>
        <location filename="../../desktop/ops.py" line="200"/>
        <source>重试</source>
        <translation>Retry</translation>
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
        <location filename="../../desktop/main_window.py" line="49"/>
        <source>规划文件 (*.txt *.docx *.html *.htm);;所有文件 (*)</source>
        <translation>Plan files (*.txt *.docx *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="56"/>
        <source>规划编制助手 PlanDesk</source>
        <translation>PlanDesk — planning assistant</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="65"/>
        <source>规划库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="66"/>
        <location filename="../../desktop/main_window.py" line="134"/>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="67"/>
        <source>阅读</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="68"/>
        <source>起草</source>
        <translation>Drafting</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="69"/>
        <location filename="../../desktop/main_window.py" line="336"/>
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="70"/>
        <source>指标趋势</source>
        <translation>Indicator trends</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="73"/>
        <source>检索全文，如：政务 数据共享</source>
        <translation>Full-text search, e.g. 政务 数据共享</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="145"/>
        <source>规划库：{path}</source>
        <translation>Library: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="98"/>
        <source>主工具栏</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="102"/>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="103"/>
        <source>导入文件夹…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="104"/>
        <source>导入示例规划</source>
        <translation>Import sample plans</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="105"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="106"/>
        <location filename="../../desktop/main_window.py" line="220"/>
        <location filename="../../desktop/main_window.py" line="230"/>
        <source>重新导入</source>
        <translation>Re-import</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="107"/>
        <source>新建草稿…</source>
        <translation>New draft…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="108"/>
        <source>导出 Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="109"/>
        <source>与上一期比较</source>
        <translation>Compare with previous</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="110"/>
        <source>上一期规划…</source>
        <translation>Previous plan…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="123"/>
        <location filename="../../desktop/main_window.py" line="125"/>
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="128"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="131"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="144"/>
        <source>共享资料库：{where}（用户 {user}）</source>
        <translation>Shared library: {where} (user {user})</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="150"/>
        <source>共享 · {user}</source>
        <translation>Shared · {user}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="162"/>
        <source>您的账号只能查看此资料库</source>
        <translation>Your account may only read this library</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="163"/>
        <source> · 只读</source>
        <translation> · read-only</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="165"/>
        <source>您的账号只能查看此资料库：导入、删除和新建草稿已停用</source>
        <translation>Your account may only read this library: importing, deleting and new drafts are disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="174"/>
        <source>共 {n} 份</source>
        <translation>{n} in total</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="181"/>
        <source>导入规划文件</source>
        <translation>Import plan files</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="186"/>
        <source>导入文件夹中的规划</source>
        <translation>Import the plans in a folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="204"/>
        <source>删除规划</source>
        <translation>Delete plans</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="204"/>
        <source>从规划库中删除以下 {n} 份规划？

{titles}</source>
        <translation>Delete the following {n} plan(s) from the library?

{titles}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="221"/>
        <source>从原文件重新导入以下 {n} 份规划？（库中的这几份会被替换）

{titles}</source>
        <translation>Re-import the following {n} plan(s) from their source files? (They will be replaced in the library.)

{titles}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="225"/>
        <source>正在重新导入…</source>
        <translation>Re-importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="231"/>
        <source>已重新导入 {n} 份</source>
        <translation>{n} re-imported</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="289"/>
        <source>（还没有打开过规划）</source>
        <translation>(no plan opened yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="301"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="301"/>
        <source>请先在规划库中选择一份规划。</source>
        <translation>Select a plan in the library first.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="322"/>
        <source>（自动：同一地区的上一期）</source>
        <translation>(automatic: the previous period of the same region)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="323"/>
        <source>上一期规划</source>
        <translation>Previous plan</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="323"/>
        <source>这份规划接续哪一份？</source>
        <translation>Which plan does this one follow?</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="336"/>
        <source>没有找到这份规划的上一期规划（同一地区、紧接的时期）。</source>
        <translation>No previous plan found for this plan (same region, immediately preceding period).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="343"/>
        <source>规划编制助手 PlanDesk {version}

{library}
共 {n} 份规划和草稿</source>
        <translation>PlanDesk {version}

{library}
{n} plans and drafts in total</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="347"/>
        <source>关于规划编制助手</source>
        <translation>About PlanDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="350"/>
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
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/password_dialog.py" line="18"/>
        <source>共享资料库的密码</source>
        <translation>Shared library password</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="19"/>
        <source>打开共享资料库 {where} 需要用户 {user} 的密码。</source>
        <translation>Opening the shared library {where} needs the password of user {user}.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="20"/>
        <source>（默认用户）</source>
        <translation>(default user)</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="26"/>
        <source>记住密码（存入系统密钥环）</source>
        <translation>Remember the password (in the system keyring)</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="30"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="34"/>
        <source>这台电脑没有可用的系统密钥环：密码不会保存，每次打开时询问。</source>
        <translation>This computer has no usable system keyring: the password is not kept and is asked each time.</translation>
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
        <location filename="../../desktop/project_editor.py" line="46"/>
        <source>新项目</source>
        <translation>New project</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../desktop/draft_team.py" line="26"/>
        <source>再试一次编辑</source>
        <translation>Try editing again</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="40"/>
        <source>正在由 {who} 编辑（自 {since}）— 只读，自动刷新</source>
        <translation>Being edited by {who} (since {since}) — read-only, refreshed automatically</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="44"/>
        <source>{who} 已结束编辑 — 只读，自动刷新；现在可以编辑了</source>
        <translation>{who} stopped editing — read-only, refreshed automatically; you can edit now</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="44"/>
        <source>对方</source>
        <translation>The editor</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="48"/>
        <source>您的账号只能查看此资料库 — 只读，自动刷新</source>
        <translation>Your account may only read this library — read-only, refreshed automatically</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="51"/>
        <source>正在取得编辑权…</source>
        <translation>Taking the draft for editing…</translation>
    </message>
    <message>
        <location filename="../../desktop/draft_team.py" line="54"/>
        <source>未能取得编辑权：{message} — 只读</source>
        <translation>Could not take the draft for editing: {message} — read-only</translation>
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
        <location filename="../../desktop/settings_dialog.py" line="152"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="194"/>
        <source>可选：带有自己字体和字号的参考文档（.docx）</source>
        <translation>Optional: a reference document (.docx) with your fonts and sizes</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="165"/>
        <source>选择规划库…</source>
        <translation>Choose library…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="196"/>
        <source>选择参考文档…</source>
        <translation>Choose reference document…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="221"/>
        <source>规划库文件</source>
        <translation>Library file</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="208"/>
        <source>默认导出格式</source>
        <translation>Default export format</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="209"/>
        <source>参考文档（字体、字号）</source>
        <translation>Reference document (fonts, sizes)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="207"/>
        <source>更换规划库在重新启动后生效。</source>
        <translation>A new library location takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="155"/>
        <source>本机文件</source>
        <translation>File on this computer</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="156"/>
        <source>共享资料库（PostgreSQL）</source>
        <translation>Shared library (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="205"/>
        <source>规划库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="211"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="212"/>
        <source>界面语言（中文 / English）在重新启动后生效。</source>
        <translation>The interface language (中文 / English) takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="221"/>
        <source>规划库 (*.sqlite3)</source>
        <translation>Library (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="227"/>
        <source>参考文档</source>
        <translation>Reference document</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="227"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="247"/>
        <source>密码未能存入系统密钥环。请取消勾选“记住密码”（打开资料库时会询问密码）。</source>
        <translation>The password could not be kept in the system keyring. Untick “Remember the password” (it will be asked when the library opens).</translation>
    </message>
</context>
<context>
    <name>SharedLibraryForm</name>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="77"/>
        <source>如：192.168.1.20 或 db.example.gov.cn</source>
        <translation>e.g. 192.168.1.20 or db.example.gov.cn</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="82"/>
        <source>如：plandesk</source>
        <translation>e.g. plandesk</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="86"/>
        <source>记住密码（存入系统密钥环，不写入设置文件）</source>
        <translation>Remember the password (in the system keyring, never in the settings file)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="93"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="94"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="95"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="96"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="97"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="100"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="105"/>
        <source>这台电脑没有可用的系统密钥环：密码不会保存，每次打开资料库时询问。</source>
        <translation>This computer has no usable system keyring: the password is not kept and is asked each time the library opens.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="121"/>
        <source>（已保存在系统密钥环中；留空则不变）</source>
        <translation>(kept in the system keyring; leave empty to keep it)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="131"/>
        <source>不记住密码：每次打开资料库时询问。</source>
        <translation>Not remembered: the password is asked each time the library opens.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="135"/>
        <source>请填写共享资料库的服务器和数据库。</source>
        <translation>Fill in the shared library’s server and database.</translation>
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
