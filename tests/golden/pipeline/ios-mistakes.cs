// no program: the configuration has errors
