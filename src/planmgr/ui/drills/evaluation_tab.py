"""演练评估 (AQ/T 9009: 演练点评, 参演人员自评, 评估组评估) with the score shown as it is
given, and the 总结报告 (概要, 发现的问题, 经验教训, 建议)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.domain.enums import DrillStatus
from planmgr.services import actions, drill_evaluation
from planmgr.services.drill_evaluation import (
    DrillEvaluation,
    EvaluationInput,
    ScoreTemplate,
    SummaryReport,
    grade_of,
    score_percent,
)
from planmgr.services.drills import DrillDetail
from planmgr.ui import dialogs, theme
from planmgr.ui.drills.context import DrillSession
from planmgr.ui.drills.evaluation_models import ScoreDelegate, ScoreModel
from planmgr.ui.drills.small_dialogs import date_edit, from_qdate, to_qdate
from planmgr.ui.widgets import larger


def grade_colour(percent: float | None) -> str:
    if percent is None:
        return theme.NEUTRAL
    if percent >= 75:
        return theme.OK
    return theme.DUE_SOON if percent >= 60 else theme.OVERDUE


def _text_box(placeholder: str, height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    return box


class EvaluationTab(QWidget):
    """Score sheet picked by the drill's form; templates are edited in a dialog."""

    edit_templates = Signal()

    def __init__(self, session: DrillSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.templates: list[ScoreTemplate] = []
        self.snapshot: ScoreTemplate | None = None  # the template an old evaluation was made with
        self._clean: tuple[object, ...] | None = None  # the sheet as loaded or last saved

        self.template = QComboBox()
        self.template.setMinimumWidth(200)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.templates_button = QPushButton(theme.icon("table-edit"), self.tr("Edit templates…"))
        self.templates_button.clicked.connect(self.edit_templates)
        self.eval_date = date_edit(session.today, maximum=session.today)
        self.evaluators = QLineEdit()
        self.evaluators.setPlaceholderText(self.tr("Names of the evaluation team"))

        self.model = ScoreModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(ScoreModel.SCORE, ScoreDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ScoreModel.ITEM, QHeaderView.ResizeMode.Stretch)
        for column in (ScoreModel.SECTION, ScoreModel.KIND, ScoreModel.WEIGHT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(ScoreModel.SCORE, 96)  # room for the drop-down
        self.model.scores_changed.connect(self.update_score)

        self.score_label = QLabel()
        self.score_label.setFont(larger(self.score_label.font(), 3, bold=True))
        self.hint = QLabel(self.tr("Double-click a score to change it. Items left as N/A do not count."))
        self.hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.comments = _text_box(self.tr("Remarks made on site after the drill"))
        self.self_assessment = _text_box(self.tr("What the participants said about their own part"))
        self.team_opinion = _text_box(self.tr("The evaluation team's opinion"))
        self.conclusion = _text_box(self.tr("Conclusion, e.g. the plan works; revise the evacuation steps"))
        self.save_button = QPushButton(theme.icon("content-save-outline"), self.tr("Save the evaluation"))
        self.save_button.clicked.connect(self.save)
        self.closed_note = QLabel()
        self.closed_note.setStyleSheet(f"color: {theme.DUE_SOON};")
        self.closed_note.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Template")))
        top.addWidget(self.template)
        top.addWidget(self.templates_button)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Evaluated on")))
        top.addWidget(self.eval_date)
        top.addWidget(QLabel(self.tr("Evaluators")))
        top.addWidget(self.evaluators, 1)
        texts = QGridLayout()
        for i, (label, box) in enumerate(
            (
                (self.tr("On-site remarks"), self.comments),
                (self.tr("Participants' self-assessment"), self.self_assessment),
                (self.tr("Evaluation team's opinion"), self.team_opinion),
                (self.tr("Conclusion"), self.conclusion),
            )
        ):
            texts.addWidget(QLabel(label), (i // 2) * 2, i % 2)
            texts.addWidget(box, (i // 2) * 2 + 1, i % 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.score_label)
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.closed_note)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addLayout(texts, 2)
        layout.addLayout(bottom)
        session.changed.connect(self.on_changed)

    # ------------------------------------------------------------------ showing

    def set_templates(self, templates: list[ScoreTemplate], keep: str | None = None) -> None:
        """The templates to choose from; ``keep`` (a key) stays chosen if it still exists."""
        self.templates = templates
        current = keep if keep is not None else self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        if self.snapshot is not None:
            self.template.addItem(self.tr("As evaluated: {name}").format(name=self.snapshot.name), "")
        for template in templates:
            self.template.addItem(template.name, template.key)
        index = self.template.findData(current) if current is not None else -1
        self.template.setCurrentIndex(max(index, 0))
        self.template.blockSignals(False)
        self._template_chosen()

    def load(
        self, detail: DrillDetail, evaluation: DrillEvaluation | None, templates: list[ScoreTemplate]
    ) -> None:
        keys = {t.key for t in templates}
        if evaluation is None:
            self.snapshot = None
            default = detail.summary.form.value  # 实战 → the field template, 桌面 → the tabletop one
            self.model.set_template(templates[0], {})
            self.set_templates(templates, keep=default if default in keys else templates[0].key)
            self.eval_date.setDate(
                to_qdate(
                    min(
                        max(detail.summary.end or detail.summary.start, detail.summary.start),
                        self.session.today,
                    )
                )
            )
            for box in (self.comments, self.self_assessment, self.team_opinion, self.conclusion):
                box.clear()
            self.evaluators.clear()
        else:
            known = evaluation.template.key in keys
            self.snapshot = None if known else evaluation.template
            self.model.set_template(evaluation.template, dict(evaluation.scores))
            self.set_templates(templates, keep=evaluation.template.key if known else "")
            self.eval_date.setDate(to_qdate(evaluation.eval_date))
            self.evaluators.setText(evaluation.evaluators)
            self.comments.setPlainText(evaluation.comments)
            self.self_assessment.setPlainText(evaluation.self_assessment)
            self.team_opinion.setPlainText(evaluation.team_opinion)
            self.conclusion.setPlainText(evaluation.conclusion)
        self._clean = self.shown()
        self.on_changed(detail)

    def on_changed(self, detail: DrillDetail) -> None:
        done = detail.summary.status is DrillStatus.DONE
        self.closed_note.setVisible(not done)
        self.closed_note.setText(self.tr("A drill can be evaluated once it is done."))
        self.model.read_only = not done
        for widget in (
            self.template,
            self.eval_date,
            self.evaluators,
            self.save_button,
            self.comments,
            self.self_assessment,
            self.team_opinion,
            self.conclusion,
        ):
            widget.setEnabled(done)

    def current_template(self) -> ScoreTemplate | None:
        key = self.template.currentData()
        if key == "" and self.snapshot is not None:
            return self.snapshot
        return next((t for t in self.templates if t.key == key), None)

    def _template_chosen(self) -> None:
        template = self.current_template()
        if template is not None and template is not self.model.template:
            self.model.set_template(template)
        self.update_score()

    def update_score(self) -> None:
        template = self.model.template
        percent = score_percent(template, self.model.scores()) if template else None
        if percent is None:
            self.score_label.setText(self.tr("Score: not scored yet"))
        else:
            grade = grade_of(template, percent) if template else ""
            self.score_label.setText(
                self.tr("Score {percent}% · {grade}").format(percent=f"{percent:.1f}", grade=grade)
            )
        self.score_label.setStyleSheet(f"color: {grade_colour(percent)};")

    # ------------------------------------------------------------------ saving

    def value(self) -> EvaluationInput | None:
        template = self.current_template()
        if template is None or not template.key or self.template.currentData() == "":
            return None
        return EvaluationInput(
            template_key=template.key,
            scores=self.model.scores(),
            eval_date=from_qdate(self.eval_date.date()),
            evaluators=self.evaluators.text(),
            comments=self.comments.toPlainText(),
            self_assessment=self.self_assessment.toPlainText(),
            team_opinion=self.team_opinion.toPlainText(),
            conclusion=self.conclusion.toPlainText(),
        )

    def shown(self) -> tuple[object, ...]:
        """Everything ``value`` is made of, also while the sheet of an obsolete template is shown."""
        return (
            self.template.currentData(),
            self.model.scores(),
            from_qdate(self.eval_date.date()),
            self.evaluators.text(),
            self.comments.toPlainText(),
            self.self_assessment.toPlainText(),
            self.team_opinion.toPlainText(),
            self.conclusion.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self._clean is not None and self.shown() != self._clean

    def save(self) -> None:
        sent = self.shown()
        data = self.value()
        if data is None:
            dialogs.inform(
                self,
                self.tr("Choose a template"),
                self.tr(
                    "This evaluation was made with a template that no longer exists. Choose one of the "
                    "current templates, score the items again, then save."
                ),
            )
            return
        s = self.session
        s.run(
            self.tr("Saving the evaluation"),
            partial(
                drill_evaluation.record_evaluation,
                s.engine,
                s.uid,
                data,
                expected_row_version=s.row_version,
                today=s.today,
            ),
            partial(self._saved, sent),
        )

    def _saved(self, sent: tuple[object, ...], result: object) -> None:
        self._clean = sent
        self.session.saved(result)


class SummaryTab(QWidget):
    """总结报告; its problems can be recorded as findings (the start of the improvement loop)."""

    def __init__(self, session: DrillSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._clean: SummaryReport | None = None  # the report as loaded or last saved
        self.overview = _text_box(self.tr("What was drilled, who took part, how it went"), 80)
        self.problems = _text_box(self.tr("One problem a line"), 80)
        self.lessons = _text_box(self.tr("What went well and what was learnt"))
        self.suggestions = _text_box(self.tr("Suggestions for the plan, training and equipment"))
        self.save_button = QPushButton(theme.icon("content-save-outline"), self.tr("Save the summary"))
        self.save_button.clicked.connect(self.save)
        self.findings_button = QPushButton(
            theme.icon("clipboard-alert-outline"), self.tr("Record problems as findings")
        )
        self.findings_button.setToolTip(
            self.tr("Each problem line not yet recorded becomes a finding, ready for corrective actions.")
        )
        self.findings_button.clicked.connect(self.record_findings)
        self.closed_note = QLabel(self.tr("The summary report is written once the drill is done."))
        self.closed_note.setStyleSheet(f"color: {theme.DUE_SOON};")
        box = QGroupBox(self.tr("Summary report"))
        form = QFormLayout(box)
        form.addRow(self.tr("Overview"), self.overview)
        form.addRow(self.tr("Problems found"), self.problems)
        form.addRow(self.tr("Lessons learnt"), self.lessons)
        form.addRow(self.tr("Suggestions"), self.suggestions)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.findings_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.closed_note)
        layout.addWidget(box, 1)
        layout.addLayout(buttons)
        session.changed.connect(self.on_changed)

    def load(self, detail: DrillDetail, report: SummaryReport) -> None:
        self.overview.setPlainText(report.overview)
        self.problems.setPlainText("\n".join(report.problems))
        self.lessons.setPlainText(report.lessons)
        self.suggestions.setPlainText(report.suggestions)
        self._clean = self.value()
        self.on_changed(detail)

    def on_changed(self, detail: DrillDetail) -> None:
        done = detail.summary.status is DrillStatus.DONE
        self.closed_note.setVisible(not done)
        for widget in (self.overview, self.problems, self.lessons, self.suggestions, self.save_button):
            widget.setEnabled(done)
        self.findings_button.setEnabled(done and bool(detail.report.get("problems")))

    def value(self) -> SummaryReport:
        return SummaryReport(
            overview=self.overview.toPlainText(),
            problems=tuple(line for line in self.problems.toPlainText().splitlines() if line.strip()),
            lessons=self.lessons.toPlainText(),
            suggestions=self.suggestions.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self._clean is not None and self.value() != self._clean

    def save(self) -> None:
        s = self.session
        sent = self.value()
        s.run(
            self.tr("Saving the summary report"),
            partial(
                drill_evaluation.record_summary, s.engine, s.uid, sent, expected_row_version=s.row_version
            ),
            partial(self._saved, sent),
        )

    def _saved(self, sent: SummaryReport, result: object) -> None:
        self._clean = sent
        self.session.saved(result)

    def record_findings(self) -> None:
        s = self.session
        plans = s.summary.plans if s.summary else ()
        plan_uid = plans[0].uid if len(plans) == 1 else None
        s.run(
            self.tr("Recording the findings"),
            partial(actions.findings_from_drill_summary, s.engine, s.uid, plan_uid),
            self._recorded,
        )

    def _recorded(self, findings: list[object]) -> None:
        self.session.findings_changed.emit()
        dialogs.inform(
            self,
            self.tr("Findings recorded"),
            self.tr("{n} new findings were recorded. Add corrective actions on the Improvement tab.").format(
                n=len(findings)
            )
            if findings
            else self.tr("Every problem of the summary is already recorded as a finding."),
        )
