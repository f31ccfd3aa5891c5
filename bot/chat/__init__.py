"""The conversation both chats hold, decided once.

Slack and Teams only translate and transport. Here: how a request is handled
(`conversation`: who asks, what they ask, the step with the one retry, the answer),
what the answer is (`answers`), the commands and scopes (`commands`), granting
roles (`roles`), and what a step means for the people in the chats afterwards
(`reactor`: the coordinators' card, a line in its thread, the new owner's DM, the
directie's post), so the two cannot drift apart.
"""
