"""Diagnose folded organisation boxes on the wall: the drawing's scale, each box's px width and its name's need."""
import sys

from layouts.genogram.captions import CHAR_EM
from layouts.genogram.fit import FRAME_ORG_FONT, sociogram_layout
from models import load_case

case = load_case(sys.argv[1] if len(sys.argv) > 1 else "sample_cases/calamiteit_sem.json")
for frame in [(1224, 532), (1880, 900), (845, 964), (548, 604)]:
    lay = sociogram_layout(case, frame=frame, projector=True)
    x0, x1, y0, y1 = lay.extent()
    print(f"frame {frame}: ppu {lay.ppu:.1f}, drawing {(x1-x0)*lay.ppu:.0f}x{(y1-y0)*lay.ppu:.0f} px, "
          f"placement {lay.placement}")
    orgs = case.organisation_map()
    for item in lay.ring.items:
        if item.collapsed:
            name = orgs[item.organisation].name
            print(f"   box {item.width*lay.ppu:5.0f}x{item.height*lay.ppu:4.0f}px  name needs "
                  f"{len(name)*FRAME_ORG_FONT*CHAR_EM*1.1:5.0f}px on one line  side {item.side}  {name}")
