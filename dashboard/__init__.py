"""The Streamlit screen over `model/`: pages render what the model returns."""
