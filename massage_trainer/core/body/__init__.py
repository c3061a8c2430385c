"""The body: one coordinate system, zones as geometry, hand shapes, and the motion of the hands
as a pure function of time (motion.pose_at). It may import core.protocol (the Step it animates);
never core.safety, core.session, core.history or anything of Qt.
"""
