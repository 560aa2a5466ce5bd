"""`smartprint serve`: a local page to edit a material on the left and see its printed
pages on the right. Imported only by that command (Starlette and uvicorn are an optional
dependency group), so every other command starts as fast as before."""
