from django import forms
from django.utils.translation import gettext_lazy as _

from .imports import FORMAT_LABELS

# The admin keeps a previewed file in the confirmation form, signed; past this size, the command line is the way.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(help_text=_("A CSV file in UTF-8, at most 2 MB. Larger files: manage.py import_records."))
    file_format = forms.ChoiceField(label=_("Format"), choices=FORMAT_LABELS.items(), widget=forms.RadioSelect)
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Saved with every revision the import writes, after the file's name and yours."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("This file is larger than 2 MB: import it with manage.py import_records."))
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                _("This file is not UTF-8 text (byte %(byte)s): save it as UTF-8 CSV."), params={"byte": error.start}
            )
        return upload
