public enum LEQCLIPlaceholder {}
