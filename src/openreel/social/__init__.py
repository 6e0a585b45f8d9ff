"""Feed ranking, steering and topics: pure logic over rows of ``openreel.db``."""
