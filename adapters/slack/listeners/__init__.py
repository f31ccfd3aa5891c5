"""Slack's listeners, one module per payload: the command, buttons, modal submissions,
messages in a dossier's thread, and the App Home.

Each acks first (a modal's submission is the exception: its ack is the answer),
turns the payload into a request of the chat layer (`bot.chat.conversation`), and
draws the answer (`adapters.slack.answers`).
"""
