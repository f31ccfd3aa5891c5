"""Where the bot may fetch a file that someone attached to a Teams message.

The address of an attachment comes from the activity, that is from whoever sent
it. Fetching any address it names would let a caller make the bot read its own
network (127.0.0.1, 10.x, the cloud's metadata address 169.254.169.254, ...)
and keep the answer as a "document". So a file is fetched only over https, from
the hosts Teams itself uses for files, and every redirect is held to the same
rule. Local mode changes nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

# The hosts Teams puts files on, from Microsoft's documentation for bots:
# - a file shared in a chat or channel comes as `file.download.info`, whose `downloadUrl`
#   is the file in OneDrive for Business or the team's SharePoint site
#   (https://<tenant>-my.sharepoint.com/..., https://<tenant>.sharepoint.com/...);
# - an image pasted into a message comes with a `contentUrl` at the Bot Framework
#   connector (https://smba.trafficmanager.net/<region>/v3/attachments/...; GCC:
#   smba.infra.gcc.teams.microsoft.com), or at the connector's attachment store
#   (https://<region>-api.asm.skype.com/v1/objects/..., https://botapi.skype.com/...).
# Bots cannot receive files in GCC High, DoD or 21Vianet, so those clouds' hosts are absent.
# A name starting with a dot stands for every host under that domain.
TEAMS_FILE_HOSTS = (
    ".sharepoint.com",
    "smba.trafficmanager.net",
    "smba.infra.gcc.teams.microsoft.com",
    ".asm.skype.com",
    "botapi.skype.com",
)


@dataclass(frozen=True)
class FileHosts:
    """A rule for the addresses files may be fetched from.

    `hosts` names a host exactly, every host under a domain (".sharepoint.com"), or a
    host with a port ("127.0.0.1:8080"); a URL with another than the scheme's own port
    must match the last kind.
    """

    hosts: tuple[str, ...] = TEAMS_FILE_HOSTS
    schemes: tuple[str, ...] = ("https",)

    def allows(self, url: str) -> bool:
        try:
            target = urlsplit(url)
            port = target.port  # a port that is no number raises here
        except ValueError:
            return False
        host = (target.hostname or "").rstrip(".").lower()
        if target.scheme not in self.schemes or not host or target.username is not None:
            return False
        if port is not None and port != _DEFAULT_PORTS.get(target.scheme):
            return f"{host}:{port}" in self.hosts
        return any(
            host == name or (name.startswith(".") and host.endswith(name)) for name in self.hosts
        )


_DEFAULT_PORTS = {"https": 443, "http": 80}
