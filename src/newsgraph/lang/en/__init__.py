"""English language data: names (`names`), quotes (`quotes`), time words (`times`) and the
words of scraped pages (`page`)."""
