"""Language data for reading page text: month and weekday names, bylines, furniture."""
