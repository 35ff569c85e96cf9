"""Forms (Flask-WTF: every form carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, MultipleFileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FloatField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)

# WTForms 3.3's SelectChoice is newer than types-WTForms 3.2, the latest stubs
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)

from .models import MAX_ANSWER, MAX_ANSWER_LIST, MAX_PROMPT, MAX_TAGS

KIND_CHOICES = [
    SelectChoice("mcq", "Multiple choice"),
    SelectChoice("short_answer", "Short answer"),
    SelectChoice("cloze", "Cloze (fill in the blank)"),
    SelectChoice("true_false", "True or false"),
]


class LoginForm(FlaskForm):
    """Log in with email and password."""

    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me logged in")
    submit = SubmitField("Log in")


class RegisterForm(FlaskForm):
    """A student creates an account."""

    name = StringField("Your name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(min=8, message="Use at least 8 characters.")]
    )
    confirm = PasswordField(
        "Repeat the password",
        validators=[DataRequired(), EqualTo("password", message="The passwords differ.")],
    )
    join_code = StringField("Class code (optional)", validators=[Optional(), Length(max=16)])
    # filled in by the browser's script: where the student's study day starts
    timezone = HiddenField(validators=[Optional(), Length(max=64)])
    submit = SubmitField("Create account")


class PasswordForm(FlaskForm):
    """A logged-in user changes their password."""

    current_password = PasswordField("Current password", validators=[DataRequired()])
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=8, message="Use at least 8 characters.")],
    )
    confirm = PasswordField(
        "Repeat the new password",
        validators=[DataRequired(), EqualTo("password", message="The passwords differ.")],
    )
    submit = SubmitField("Change the password")


class SetupForm(RegisterForm):
    """The first teacher's account, from the one-time setup link."""

    submit = SubmitField("Create the teacher account")


class JoinClassForm(FlaskForm):
    """A student joins a class with its code."""

    code = StringField("Class code", validators=[DataRequired(), Length(max=16)])
    submit = SubmitField("Join")


class StartQuizForm(FlaskForm):
    """Pick how many questions a quiz has."""

    length = IntegerField(
        "Number of questions", default=10, validators=[DataRequired(), NumberRange(min=1, max=50)]
    )
    submit = SubmitField("Start the quiz")


class ArticleForm(FlaskForm):
    """A teacher adds an article by pasting it or uploading a .txt file."""

    title = StringField("Title (optional)", validators=[Optional(), Length(max=300)])
    published = DateField("Date (optional)", validators=[Optional()])
    source_url = StringField(
        "Source URL (optional)", validators=[Optional(), URL(), Length(max=500)]
    )
    text = TextAreaField(
        "Article text",
        validators=[
            Optional(),
            Length(max=100_000, message="The article is too long: at most 100,000 characters."),
        ],
    )
    upload = FileField(
        "…or upload a .txt file",
        validators=[FileAllowed(["txt"], "Upload a plain-text .txt file.")],
    )
    submit = SubmitField("Add the article and generate questions")


class SourceForm(FlaskForm):
    """A teacher gives a web page's address or a file; its article is shown to check."""

    url = StringField(
        "Web address",
        validators=[Optional(), Length(max=2000, message="That address is too long.")],
    )
    upload = FileField(
        "…or a file",
        validators=[
            FileAllowed(
                ["html", "htm", "pdf", "docx", "txt"],
                "Choose a saved web page (.html), a PDF, a Word file (.docx) or a .txt file.",
            )
        ],
    )
    submit = SubmitField("Fetch and preview")


class PreviewForm(FlaskForm):
    """The article read from a page or a file, as the teacher confirms (and edits) it."""

    name = HiddenField(validators=[Optional(), Length(max=500)])
    title = StringField("Title", validators=[Optional(), Length(max=300)])
    published = DateField("Date (optional)", validators=[Optional()])
    source_url = StringField("Source URL", validators=[Optional(), Length(max=500)])
    text = TextAreaField(
        "Article text",
        validators=[
            DataRequired(message="The article has no text."),
            Length(max=100_000, message="The article is too long: at most 100,000 characters."),
        ],
    )
    submit = SubmitField("Add the article and generate questions")


class BulkArticlesForm(FlaskForm):
    """Several articles at once: files (zips and lists of URLs too) and URLs."""

    uploads = MultipleFileField("Files: .txt, .html, .pdf, .docx, or .zip of them")
    urls = TextAreaField(
        "Links to pages, one per line",
        validators=[Optional(), Length(max=200_000, message="Too many addresses at once.")],
    )
    submit = SubmitField("Add them all")


class QuestionForm(FlaskForm):
    """Write or edit a question."""

    kind = SelectField("Kind", choices=KIND_CHOICES)
    prompt = TextAreaField("Question", validators=[DataRequired(), Length(max=MAX_PROMPT)])
    answer = StringField("Correct answer", validators=[Length(max=MAX_ANSWER)])
    accepted = TextAreaField(
        "Other accepted answers (one per line)", validators=[Length(max=MAX_ANSWER_LIST)]
    )
    distractors = TextAreaField(
        "Wrong choices for multiple choice (one per line)",
        validators=[Length(max=MAX_ANSWER_LIST)],
    )
    tags = StringField("Tags (comma-separated)", validators=[Length(max=MAX_TAGS)])
    submit = SubmitField("Save")


class ClassForm(FlaskForm):
    """Create a class."""

    name = StringField("Class name", validators=[DataRequired(), Length(max=120)])
    submit = SubmitField("Create class")


class DeckForm(FlaskForm):
    """Create a deck from approved questions."""

    name = StringField("Deck name", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=2000)])
    tag = StringField(
        "Add every approved question with this tag", validators=[Optional(), Length(max=60)]
    )
    submit = SubmitField("Create deck")


class DeckEditForm(FlaskForm):
    """Rename and describe a deck."""

    name = StringField("Deck name", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=2000)])
    submit = SubmitField("Save name and description")


class RenameClassForm(FlaskForm):
    """Rename a class."""

    name = StringField("Class name", validators=[DataRequired(), Length(max=120)])
    submit = SubmitField("Rename")


class ConfirmForm(FlaskForm):
    """The second step of a change that deletes or removes: CSRF and an explicit yes."""

    confirm = HiddenField(default="yes", validators=[InputRequired()])
    submit = SubmitField("Confirm")


class ActionForm(FlaskForm):
    """A bare form for POST buttons (approve, reject, retire, log out): CSRF only."""

    submit = SubmitField("Go")


class ImportForm(FlaskForm):
    """A teacher uploads a GIFT file."""

    upload = FileField(
        "GIFT file",
        validators=[
            FileRequired("Choose a GIFT file to upload."),
            FileAllowed(["gift", "txt"], "Upload a GIFT text file (.gift or .txt)."),
        ],
    )
    submit = SubmitField("Import as drafts")


class RatingForm(FlaskForm):
    """A flashcard rating: which card, at which review, and how well it was recalled."""

    question = HiddenField(validators=[DataRequired()])
    card = HiddenField()
    seq = HiddenField(validators=[DataRequired()])
    deck = HiddenField()
    shown_at = HiddenField()
    rating = IntegerField(
        validators=[DataRequired(), NumberRange(min=1, max=4, message="Rate from 1 to 4.")]
    )


class StudySettingsForm(FlaskForm):
    """A student's study settings."""

    timezone = SelectField("Time zone", validators=[DataRequired()])
    new_per_day = IntegerField(
        "New cards a day",
        validators=[InputRequired(message="Give a number from 0 to 999."), NumberRange(0, 999)],
    )
    desired_retention = FloatField(
        "Desired retention",
        validators=[
            InputRequired(message="Give a share between 0.70 and 0.99."),
            NumberRange(0.70, 0.99, message="Give a share between 0.70 and 0.99."),
        ],
    )
    submit = SubmitField("Save settings")
