from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = "Data in and out: the API, exports in the field's shapes, imports"
