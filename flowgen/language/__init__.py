"""The .pos language: keywords, parser, printer and the reader that ties them to the model."""
