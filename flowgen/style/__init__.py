"""Style sheets: the closed CSS vocabulary, the reader, the cascade, the choice of sheet."""
