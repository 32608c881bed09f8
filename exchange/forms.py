from django import forms

from .imports import FORMAT_LABELS

# The admin keeps a previewed file in the confirmation form, signed; past this size, the command line is the way.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(help_text="A CSV file in UTF-8, at most 2 MB. Larger files: manage.py import_records.")
    file_format = forms.ChoiceField(label="Format", choices=FORMAT_LABELS.items(), widget=forms.RadioSelect)
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Saved with every revision the import writes, after the file's name and yours.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("This file is larger than 2 MB: import it with manage.py import_records.")
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(f"This file is not UTF-8 text (byte {error.start}): save it as UTF-8 CSV.")
        return upload
