"""Reading a material's files: YAML with every node's place, the files a build reads, the folders they
may come from, the built-in content."""
