"""The words two reports of one happening share: a word's inflected forms count as one word."""

from generator.events.similarity import words_of


def test_plural_past_and_ing_forms_of_a_word_are_one_word():
    assert words_of("Drones strike, casualties announced") == words_of("drone strikes casualty announces")
    assert words_of("striking") == words_of("strike") == words_of("strikes")
    assert words_of("crashes shelled") == words_of("crash shelling")


def test_words_ending_in_s_that_are_no_plurals_keep_it():
    assert words_of("press status analysis") == {"press", "status", "analysis"}
    assert words_of("Kyiv Russians") == {"kyiv", "russian"}


def test_british_and_american_spellings_are_one_word():
    assert words_of("theatre") == words_of("theater") == words_of("theatres")
    assert words_of("defence") == words_of("defense") and words_of("colour") == words_of("color")
    assert words_of("mobilisation") == words_of("mobilization")
    assert words_of("four hour tour") == {"four", "hour", "tour"}  # too short to be a British "-our"


def test_a_name_read_from_cyrillic_is_one_word_however_it_ends():
    assert words_of("Zelenskyy") == words_of("Zelenskiy") == words_of("Zelensky") == {"zelensky"}
    assert words_of("Zelenskyy's visit") == words_of("Zelensky visits")
    assert words_of("Dmitriy") == words_of("Dmitry") and words_of("spy") == {"spy"}  # short words keep their end
