"""What each page states, built once per (data, language) from the judge and the locale: typed objects with their
text in one language. The Streamlit pages, the static site's templates and the printed pages render them; a face
adds only its own choices (paging, links, layout), never a rule or a sentence of its own."""
