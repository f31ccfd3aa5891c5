"""Teams' listeners, one module per kind of activity: messages (commands, notes in a
dossier's thread, files), card actions (Action.Execute invokes and Action.Submit),
and conversation updates.

Each turns the activity into a request of the chat layer (`bot.chat.conversation`)
and draws the answer (`adapters.teams.answers`).
"""
