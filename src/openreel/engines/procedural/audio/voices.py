"""The voices characters speak with, and which character gets which.

Two neural voices ship inside wheels: ``heart`` (hibari, an American woman) and ``joe`` (piper,
an American man). Every other voice reshapes one of them (see ``reshape.Timbre``):

=============  =====  =========================================================
name           base   who it is
=============  =====  =========================================================
heart          heart  a woman
heart-light    heart  a woman with a lighter, brighter voice
heart-deep     heart  a woman with a lower, darker voice
joe            joe    a man
joe-light      joe    a man with a lighter voice
joe-deep       joe    a man with a deep voice
girl           heart  a young girl
boy            heart  a young boy
elder-woman    heart  an old woman, slower, with a quaver
elder-man      joe    an old man, slower, with a quaver
robot          joe    a machine: monotone, ring-modulated
robot-high     heart  a smaller machine, same treatment
critter        heart  a small talking animal: high and quick
giant          joe    a big creature: low and slow
alien          heart  an otherworldly warble
=============  =====  =========================================================

``Line.voice`` may name any of these, or ``espeak`` / ``espeak:<voice>`` (``espeak:fr``,
``espeak:en-us+f3``) for espeak-ng, or a bare espeak-ng voice espeak knows (``fr``, ``de``).
Lines written in a script the neural voices cannot read (Cyrillic, Greek, Arabic, Han …) are
spoken by espeak-ng in that script's language, and espeak-ng also speaks whenever a neural voice
cannot load. Any other name is ignored and the voice is chosen from the speaker.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import signal

from openreel.engines.procedural.audio import neural
from openreel.engines.procedural.audio.neural import HEART, JOE
from openreel.engines.procedural.audio.reshape import Timbre
from openreel.media import voiceshape
from openreel.spec import Entity, Storyboard, VoiceShape
from openreel.spec.catalog import KINDS, Archetype
from openreel.spec.storyboard import Age, Build, Gender

ESPEAK = "espeak"
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Voice:
    """How one speaker sounds: a base voice, its reshaping, and an espeak-ng stand-in."""

    name: str
    base: str  # HEART, JOE or ESPEAK
    timbre: Timbre = field(default_factory=Timbre)
    speed: float = 1.0  # factor on the base voice's pace
    robot: bool = False  # ring-modulated after synthesis
    espeak_voice: str = "en-us+m3"  # espeak-ng voice (language + variant) when it speaks instead
    espeak_pitch: int = 50  # 0..99

    @property
    def female(self) -> bool:
        """Whether the espeak-ng stand-in is one of its female variants."""
        return "+f" in self.espeak_voice


def _v(name: str, base: str, espeak: str, espeak_pitch: int, speed: float = 1.0,
       robot: bool = False, **timbre: float) -> Voice:
    return Voice(name, base, Timbre(**timbre), speed, robot, espeak,  # type: ignore[arg-type]
                 espeak_pitch)


VOICES: dict[str, Voice] = {v.name: v for v in (
    _v("heart", HEART, "en-us+f3", 55),
    _v("heart-light", HEART, "en-us+f2", 68, speed=1.04, pitch=1.1, formant=1.03, intonation=1.2),
    _v("heart-deep", HEART, "en-us+f4", 40, speed=0.96, pitch=0.84, formant=0.94),
    _v("joe", JOE, "en-us+m3", 45),
    _v("joe-light", JOE, "en-us+m1", 58, speed=1.04, pitch=1.15, formant=1.05),
    _v("joe-deep", JOE, "en-us+m7", 28, speed=0.96, pitch=0.87),
    _v("girl", HEART, "en-us+f5", 80, speed=1.06, pitch=1.32, intonation=1.25),
    _v("boy", HEART, "en-us+m5", 72, speed=1.04, pitch=1.2, formant=0.96),
    _v("elder-woman", HEART, "en-us+f4", 42, speed=0.92, pitch=0.9, tremor=0.025),
    _v("elder-man", JOE, "en-us+m7", 35, speed=0.95, pitch=0.97, tremor=0.025),
    _v("robot", JOE, "en-us+m3", 40, robot=True, intonation=0.0),
    _v("robot-high", HEART, "en-us+f3", 60, robot=True, intonation=0.0, pitch=1.1),
    _v("critter", HEART, "en-us+f5", 90, speed=1.1, pitch=1.5, intonation=1.3),
    _v("giant", JOE, "en-us+m7", 10, speed=0.95, pitch=0.78, intonation=0.8),
    _v("alien", HEART, "en-us+f4", 60, pitch=1.05, formant=0.95, tremor=0.09,
       tremor_rate=9.0),
)}

_FEMALE_ADULT = ("heart", "heart-light", "heart-deep")
_MALE_ADULT = ("joe", "joe-deep", "joe-light")
_ROBOT_KINDS = frozenset({"robot", "ufo"})
_OTHERWORLDLY_KINDS = frozenset({"alien"})
# Words a prompt uses for a character (``Entity.label``) that say who they are.
_FEMALE_WORDS = frozenset({
    "woman", "women", "lady", "ladies", "girl", "girls", "mother", "mom", "mum", "mommy",
    "grandma", "grandmother", "granny", "queen", "princess", "sister", "wife", "daughter",
    "aunt", "bride", "witch", "actress", "waitress", "niece", "girlfriend", "ballerina", "she",
    "her", "female", "nun", "hen", "cow", "mare"})
_MALE_WORDS = frozenset({
    "man", "men", "guy", "guys", "boy", "boys", "father", "dad", "daddy", "grandpa",
    "grandfather", "king", "prince", "brother", "husband", "son", "uncle", "groom", "gentleman",
    "actor", "waiter", "nephew", "boyfriend", "he", "him", "male", "monk", "wizard", "sorcerer",
    "bull", "rooster", "stallion"})
_CHILD_WORDS = frozenset({"child", "children", "kid", "kids", "boy", "boys", "girl", "girls",
                          "toddler", "baby", "little", "young", "schoolgirl", "schoolboy"})
_ELDER_WORDS = frozenset({"grandma", "grandmother", "granny", "grandpa", "grandfather", "old",
                          "elderly", "elder", "aged", "senior", "grandparent"})
# The espeak-ng language for text in a script the neural (English) voices cannot read, keyed
# by the first word of a letter's Unicode name.
_SCRIPT_LANGUAGES = {
    "CYRILLIC": "ru", "GREEK": "el", "ARABIC": "ar", "HEBREW": "he", "DEVANAGARI": "hi",
    "BENGALI": "bn", "TAMIL": "ta", "TELUGU": "te", "GUJARATI": "gu", "GURMUKHI": "pa",
    "KANNADA": "kn", "MALAYALAM": "ml", "THAI": "th", "HANGUL": "ko", "HIRAGANA": "ja",
    "KATAKANA": "ja", "CJK": "cmn", "GEORGIAN": "ka", "ARMENIAN": "hy", "ETHIOPIC": "am",
    "MYANMAR": "my", "SINHALA": "si",
}


def script_language(text: str) -> str | None:
    """espeak-ng language for ``text`` when most of its letters are not Latin, else None."""
    scripts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
            scripts[script] = scripts.get(script, 0) + 1
    if not scripts:
        return None
    script, count = max(scripts.items(), key=lambda kv: kv[1])
    if script == "LATIN" or 2 * count < sum(scripts.values()):
        return None
    return _SCRIPT_LANGUAGES.get(script)


def espeak_voice(name: str) -> Voice:
    """A Voice that is espeak-ng's ``name`` (a language, optionally ``+variant``)."""
    return Voice(f"{ESPEAK}:{name}", ESPEAK, espeak_voice=name,
                 espeak_pitch=60 if "+f" in name else 50)


def in_language(voice: Voice, language: str) -> Voice:
    """``voice``'s espeak-ng stand-in speaking ``language`` instead of English."""
    variant = voice.espeak_voice.partition("+")[2]
    name = f"{language}+{variant}" if variant else language
    return Voice(f"{ESPEAK}:{name}", ESPEAK, voice.timbre, voice.speed, voice.robot, name,
                 voice.espeak_pitch)


def _words(entity: Entity) -> set[str]:
    text = f"{entity.label or ''} {entity.kind}".lower().replace("-", " ")
    return set(text.split())


def _who(entity: Entity) -> tuple[Gender | None, Age | None]:
    """Gender and age from the persona, else from the words naming the character."""
    persona = entity.persona
    gender = persona.gender if persona else None
    age = persona.age if persona else None
    words = _words(entity)
    if gender is None:
        female, male = bool(words & _FEMALE_WORDS), bool(words & _MALE_WORDS)
        gender = Gender.FEMALE if female and not male else Gender.MALE if male and not female \
            else None
    if age is None:
        if entity.kind == "child" or words & _CHILD_WORDS:
            age = Age.CHILD
        elif words & _ELDER_WORDS:
            age = Age.ELDER
    return gender, age


def preferences(entity: Entity, female_first: bool) -> tuple[str, ...]:
    """Voices that suit ``entity``, best first; ``female_first`` settles an unknown gender."""
    kind = KINDS.get(entity.kind)
    archetype = kind.archetype if kind is not None else Archetype.HUMANOID
    size = entity.size or (kind.size if kind is not None else 1.7)
    gender, age = _who(entity)
    if entity.kind in _ROBOT_KINDS:
        return ("robot-high", "robot") if gender == Gender.FEMALE else ("robot", "robot-high")
    if entity.kind in _OTHERWORLDLY_KINDS:
        return ("alien", "critter", "giant")
    female = gender == Gender.FEMALE or (gender is None and female_first)
    humanoid = archetype == Archetype.HUMANOID
    if humanoid and age in (Age.BABY, Age.CHILD):
        return ("girl", "boy", "critter") if female else ("boy", "girl", "critter")
    # Small animals and tiny folk squeak; big beasts and giants rumble.
    if size < 0.8:
        return ("critter", "girl", "boy")
    if size > (2.5 if humanoid else 2.0):
        return ("giant", "joe-deep", "elder-man")
    build = entity.persona.build if entity.persona else None
    if age == Age.ELDER:
        return ("elder-woman", "heart-deep", "heart") if female else \
            ("elder-man", "joe-deep", "joe")
    family = HEART if female else JOE
    adults: tuple[str, ...] = _FEMALE_ADULT if female else _MALE_ADULT
    if age == Age.TEEN:
        adults = (f"{family}-light", "girl" if female else "boy", *adults)
    elif build == Build.HEAVY:
        adults = (f"{family}-deep", *adults)
    elif build == Build.SLIM:
        adults = (f"{family}-light", *adults)
    return tuple(dict.fromkeys(adults))


def cast_voices(storyboard: Storyboard) -> dict[str, Voice]:
    """A voice for every speaking entity id, each speaker on a voice of its own where possible.

    Speakers are cast in the order they first speak; one whose suitable voices are all taken
    gets the least used of them. Characters of unknown gender alternate between men and women.
    """
    cast: dict[str, Voice] = {}
    uses: dict[str, int] = {}
    women = men = 0
    for shot in storyboard.shots:
        entities = {e.id: e for e in shot.entities}
        for line in shot.dialogue:
            if line.speaker in cast or line.speaker not in entities:
                continue
            shape = storyboard.cameo(entities[line.speaker].cameo)
            if shape is not None and shape.voice is not None:
                voice = cameo_voice(shape.handle, shape.voice)
            else:
                options = preferences(entities[line.speaker], female_first=women < men)
                free = [name for name in options if uses.get(name, 0) == 0]
                name = free[0] if free else min(options, key=lambda n: uses.get(n, 0))
                uses[name] = uses.get(name, 0) + 1
                voice = VOICES[name]
            cast[line.speaker] = voice
            women, men = women + voice.female, men + (not voice.female)
    return cast


# Where a voice's median pitch puts it nearer the woman's base voice than the man's (Hz: the
# geometric middle of heart's ~185 Hz and joe's ~110 Hz).
_HIGHER_BASE_FROM = 143.0
_PLAIN_RATE = 2.6  # words a second the base voices speak at their own pace
# What a base voice says to be measured when a person's measurement does not say what they
# said (every digit, as captures say digits); otherwise it says what they said, so the two
# envelopes average over the same sounds and differ by the voices alone.
_CALIBRATION = "four seven two. nine one five. three eight zero. six two nine."
_FORMANTS = np.linspace(0.8, 1.25, 46)  # vocal tract stretches tried


@lru_cache(maxsize=64)
def _measured_base(base: str, said: str = _CALIBRATION) -> voiceshape.Measured:
    """A base voice measured saying ``said`` as a cameo's capture is (once per process)."""
    voice = neural.BASE_VOICES[base]
    spoken = ", ".join(said.split()) if said != _CALIBRATION else said  # one by one, as asked
    return voiceshape.measure(neural.speak(base, spoken, 1.0), voice.sample_rate)


def toward(base: voiceshape.Measured, person: VoiceShape) -> Timbre:
    """How to reshape the ``base`` voice into the ``person``'s (both measured saying the same
    words): their median pitch and range, the vocal tract stretch whose envelope best
    matches theirs in shape, and their envelope itself, which each line's spectrum is then
    filtered toward (``reshape.toward_spectrum``).

    The filter works on the line as said, not on the base voice's measurement: measured on
    three digits, the difference between two voices' envelopes is mostly the digits' sounds,
    and applied as the base's correction it moved voices further from their owners'."""
    pitch = person.f0_median / base.f0_median
    spread = math.log(base.f0_high / base.f0_low)
    # three digits say little about how a person's pitch moves: the range is followed
    # only part of the way
    intonation = min(max(math.log(person.f0_high / person.f0_low) / max(spread, 1e-3), 0.7),
                     1.4)
    centres = np.log(voiceshape.band_centres())
    used = voiceshape.tract_bands()
    own = np.asarray(base.envelope)
    goal = np.asarray(person.envelope)[used]
    goal = goal - goal.mean()
    best, best_err = 1.0, math.inf
    for factor in _FORMANTS:
        # stretched by f, the envelope at a frequency is the old one at frequency / f
        stretched = np.interp(centres - math.log(factor), centres, own)[used]
        err = float(np.sum((stretched - stretched.mean() - goal) ** 2))
        if err < best_err:
            best, best_err = float(factor), err
    return Timbre(pitch=pitch, formant=best, intonation=intonation,
                  tract=tuple(person.envelope))


def cameo_voice(handle: str, shape: VoiceShape) -> Voice:
    """The voice a cameo speaks with: the base voice nearer the person's pitch, reshaped
    toward their pitch, range and vocal tract (measured alike), at about their pace."""
    higher = shape.f0_median >= _HIGHER_BASE_FROM
    base = HEART if higher else JOE
    speed = min(max(shape.rate / _PLAIN_RATE, 0.9), 1.1)
    espeak, espeak_pitch = ("en-us+f3", 55) if higher else ("en-us+m3", 45)
    try:
        timbre = toward(_measured_base(base, shape.said or _CALIBRATION), shape)
    except (neural.VoiceUnavailable, ValueError) as exc:
        log.warning("%s: the cameo speaks in espeak-ng's voice", exc)
        return Voice(f"cameo:{handle}", ESPEAK, Timbre(), speed, False, espeak, espeak_pitch)
    return Voice(f"cameo:{handle}", base, timbre, speed, False, espeak, espeak_pitch)


def robotise(x: np.ndarray, sr: int) -> np.ndarray:
    """Metallic ring-modulated voice with a short comb resonance."""
    t = np.arange(len(x), dtype=np.float32) / sr
    # A 50 Hz ring at 25 % depth buzzes; much deeper, a recogniser loses a word in ten more.
    ring = x * (0.75 + 0.25 * np.sin(2 * np.pi * 50.0 * t, dtype=np.float32))
    delay = max(1, int(0.0045 * sr))
    # Feedback comb: y[n] = x[n] + 0.45 y[n - delay] gives the tinny ring of a metal box.
    a = np.zeros(delay + 1, np.float32)
    a[0], a[delay] = 1.0, -0.45
    out = signal.lfilter([1.0], a, ring).astype(np.float32)
    return out * 0.6
