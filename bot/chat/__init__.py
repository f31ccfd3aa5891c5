"""The conversation both chats hold, decided once: who is told what after each step.

Slack and Teams only translate and transport; what a step means for the people in
the chats (the coordinators' card, a line in its thread, the new owner's DM, the
directie's post) is decided here, so the two cannot drift apart.
"""
