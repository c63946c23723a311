import LEQCLI
