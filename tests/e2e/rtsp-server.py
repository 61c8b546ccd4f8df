#!/usr/bin/python3
"""RTSP server for the e2e bench and the lab: GStreamer's RTSP server library (gir1.2-gst-rtsp-server-1.0) with one
mount, /test, of two tracks -- PCMU (pay0) and PCMA (pay1) audio -- over RTP/UDP (RFC 2326, RFC 3551 §4.5.14).

usage: rtsp-server.py ADDRESS PORT
Run it with Debian's /usr/bin/python3 (python3-gi, python3-gst-1.0). Traffic stays on the given address.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
gi.require_version("GstRtsp", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

address, port = sys.argv[1], sys.argv[2]
Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address(address)
server.set_service(port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(
    "( audiotestsrc is-live=true wave=sine freq=440 ! audio/x-raw,rate=8000,channels=1 ! mulawenc ! rtppcmupay name=pay0 pt=0 "
    "audiotestsrc is-live=true wave=sine freq=660 ! audio/x-raw,rate=8000,channels=1 ! alawenc ! rtppcmapay name=pay1 pt=8 )")
factory.set_shared(True)
# UDP only: an interleaved fallback would hide a missing pinhole.
factory.set_protocols(GstRtsp.RTSPLowerTrans.UDP)
server.get_mount_points().add_factory("/test", factory)
if server.attach(None) == 0:
    sys.exit("cannot listen on %s:%s" % (address, port))
print("rtsp-server: rtsp://%s:%s/test" % (address, port), flush=True)
GLib.MainLoop().run()
