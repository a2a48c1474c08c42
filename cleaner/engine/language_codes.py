"""The language code (BCP 47, as Wikipedia names its editions) of each jusText stopword list and
of each language told by its script (``language.SCRIPT_LANGUAGES``).

jusText's lists were drawn from the Wikipedia of each language and are named in English
("Norwegian_Bokmal"); users and other tools (datatrove, dolma, HTML ``lang``) speak in codes.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Aragonese": "an", "Armenian": "hy",
    "Aromanian": "rup", "Asturian": "ast", "Azerbaijani": "az", "Basque": "eu", "Belarusian": "be",
    "Belarusian_Taraskievica": "be-tarask", "Bengali": "bn", "Bishnupriya_Manipuri": "bpy",
    "Bosnian": "bs", "Breton": "br", "Bulgarian": "bg", "Catalan": "ca", "Cebuano": "ceb",
    "Chinese": "zh", "Chuvash": "cv", "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl", "English": "en",
    "Esperanto": "eo", "Estonian": "et", "Finnish": "fi", "French": "fr", "Galician": "gl",
    "Georgian": "ka", "German": "de", "Greek": "el", "Gujarati": "gu", "Haitian": "ht", "Hebrew": "he",
    "Hindi": "hi", "Hungarian": "hu", "Icelandic": "is", "Ido": "io", "Igbo": "ig", "Indonesian": "id",
    "Irish": "ga", "Italian": "it", "Japanese": "ja", "Javanese": "jv", "Kannada": "kn", "Kazakh": "kk", "Korean": "ko",
    "Kurdish": "ku", "Kyrgyz": "ky", "Latin": "la", "Latvian": "lv", "Lithuanian": "lt",
    "Lombard": "lmo", "Low_Saxon": "nds", "Luxembourgish": "lb", "Macedonian": "mk", "Malay": "ms",
    "Malayalam": "ml", "Maltese": "mt", "Marathi": "mr", "Neapolitan": "nap", "Nepali": "ne",
    "Newar": "new", "Norwegian_Bokmal": "nb", "Norwegian_Nynorsk": "nn", "Occitan": "oc",
    "Persian": "fa", "Piedmontese": "pms", "Polish": "pl", "Portuguese": "pt", "Quechua": "qu",
    "Romanian": "ro", "Russian": "ru", "Samogitian": "sgs", "Serbian": "sr", "Serbo_Croatian": "sh",
    "Sicilian": "scn", "Simple_English": "en", "Slovak": "sk", "Slovenian": "sl", "Spanish": "es",
    "Sundanese": "su", "Swahili": "sw", "Swedish": "sv", "Tagalog": "tl", "Tamil": "ta", "Telugu": "te",
    "Turkish": "tr", "Turkmen": "tk", "Ukrainian": "uk", "Urdu": "ur", "Uzbek": "uz", "Vietnamese": "vi",
    "Volapuk": "vo", "Walloon": "wa", "Waray_Waray": "war", "Welsh": "cy", "West_Frisian": "fy",
    "Western_Panjabi": "pnb", "Yoruba": "yo",
}  # fmt: skip


def language_code(name: str | None) -> str | None:
    """The code of a jusText language name (``"English"`` -> ``"en"``), or None when unknown."""
    return CODES.get(name) if name else None


__all__ = ["CODES", "language_code"]
