from wirewatch.resolve.config import rules
from wirewatch.resolve.quantities import quantities

CONFIG = rules().stories


def test_counts_after_and_before_the_number() -> None:
    assert quantities("Six people were killed and 3 wounded.", CONFIG) == {
        "killed": {6.0},
        "wounded": {3.0},
    }
    assert quantities("The strike killed four, officials said.", CONFIG) == {"killed": {4.0}}
    assert quantities("a 2,000-strong brigade", CONFIG) == {"personnel": {2000.0}}
    assert quantities("about 20 t of medical aid", CONFIG) == {"tonnes": {20.0}}


def test_a_number_does_not_take_the_label_of_the_next_one() -> None:
    assert quantities("On 17 October 9 people died.", CONFIG) == {"killed": {9.0}}
