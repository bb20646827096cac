"""English language data: names (`names`), quotes (`quotes`) and time words (`times`)."""
