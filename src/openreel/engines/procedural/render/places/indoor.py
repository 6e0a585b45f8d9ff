"""The indoor places: homes, shops, halls, schools, hospitals, studios and stages, each
furnished so a viewer names the room at a glance."""

from __future__ import annotations

from openreel.engines.procedural.render.places.items import Item
from openreel.engines.procedural.render.places.markings import Court, Lines
from openreel.engines.procedural.render.places.rooms import Ceiling, Windows
from openreel.engines.procedural.render.places.sets import PlaceSet, room
from openreel.engines.procedural.render.places.vista import Vista

CREAM = (240, 230, 210)
WHITE_WALL = (238, 238, 234)
PENDANTS = Ceiling(lights="pendant")
TUBES = Ceiling((236, 238, 240), lights="tubes", at=(-0.3, 0.3), every=0.6)
SPOTS = Ceiling((40, 40, 46), lights="spots", at=(-0.25, 0.25), every=0.5)
TWO_WINDOWS = Windows((-0.3, 0.3))
ON_WALL = 0.05  # things against the back wall stand this far behind the stage line


def _home() -> dict[str, PlaceSet]:
    return {
        "living_room": PlaceSet(
            sky="indoor", floor="planks",
            far=room((222, 210, 190), "stripes", windows=Windows((0.45,), 0.18, 0.26, 0.2),
                     ceiling=PENDANTS,
                     extra=(Item("painting", -0.12, 0.14, y=0.34, wide=0.2,
                                 colour=(110, 78, 52)),)),
            mid=(Item("couch", -0.1, 0.17, y=ON_WALL, wide=0.42),
                 Item("bookcase", -0.62, 0.42, y=ON_WALL),
                 Item("flat_tv", 0.22, 0.13, y=0.12),
                 Item("tv_stand", 0.22, 0.07, y=ON_WALL),
                 Item("kind:potted_plant", 0.62, 0.18, y=ON_WALL)),
            near=(Item("rug", 0.0, 0.1, y=-0.14, wide=0.9),)),
        "bedroom": PlaceSet(
            sky="indoor", floor="planks",
            far=room((200, 210, 230), "stripes", windows=Windows((0.42,), 0.16, 0.22),
                     ceiling=PENDANTS, extra=(Item("painting", -0.1, 0.12, y=0.36),)),
            mid=(Item("kind:bed", -0.08, 0.2, y=ON_WALL, wide=0.5),
                 Item("nightstand", 0.22, 0.1, y=ON_WALL),
                 Item("kind:lamp", 0.22, 0.11, y=0.15),
                 Item("wardrobe", -0.6, 0.44, y=ON_WALL),
                 Item("teddy-bear", -0.2, 0.06, y=0.17)),
            near=(Item("rug", 0.0, 0.08, y=-0.15, wide=0.8, colour=(90, 120, 170)),)),
        "kitchen": PlaceSet(
            sky="indoor", floor="checker", floor_colour=(225, 220, 210),
            far=room(CREAM, "tiles", windows=Windows((-0.05,), 0.16, 0.14, 0.3),
                     ceiling=PENDANTS, tile=0.03,
                     extra=(Item("cabinets", -0.42, 0.14, y=0.38, wide=0.5),
                            Item("cabinets", 0.34, 0.14, y=0.38, wide=0.3))),
            mid=(Item("counter", -0.3, 0.22, y=ON_WALL, wide=0.75),
                 Item("kind:kitchen_sink", -0.05, 0.22, y=ON_WALL),
                 Item("kind:oven", 0.19, 0.22, y=ON_WALL),
                 Item("kind:refrigerator", 0.5, 0.42, y=ON_WALL),
                 Item("steaming-bowl", -0.24, 0.06, y=0.27),
                 Item("bread", -0.42, 0.05, y=0.27))),
        "bathroom": PlaceSet(
            sky="indoor", floor="small_tiles", floor_colour=(220, 225, 230),
            far=room((200, 228, 232), "tiles", windows=Windows((0.42,), 0.1, 0.12, 0.36),
                     ceiling=Ceiling((245, 245, 245), lights="tubes", at=(0.0,)), tile=0.04,
                     extra=(Item("mirror", -0.05, 0.16, y=0.34),
                            Item("towel_rail", 0.36, 0.12, y=0.24))),
            mid=(Item("bathtub", -0.38, 0.22, y=ON_WALL), Item("washbasin", -0.05, 0.26,
                                                                y=ON_WALL),
                 Item("toilet", 0.2, 0.2, y=ON_WALL), Item("roll-of-paper", 0.34, 0.05,
                                                            y=0.2))),
        "shower": PlaceSet(
            sky="indoor", floor="small_tiles", floor_colour=(200, 215, 225),
            far=room((190, 220, 228), "tiles", ceiling=None, tile=0.035,
                     extra=(Item("shower_head", 0.02, 0.56, y=ON_WALL, wide=0.36),
                            Item("shelf", -0.2, 0.012, y=0.3, wide=0.18),
                            Item("lotion-bottle", -0.24, 0.07, y=0.312),
                            Item("soap", -0.15, 0.035, y=0.312))),
            mid=(Item("glass_screen", 0.22, 0.7, y=0.0, side=1),
                 Item("glass_screen", 0.22, 0.7, y=0.0, side=-1)),
            near=(Item("drain", 0.0, 0.02, y=-0.1, wide=0.12),)),
        "nursery": PlaceSet(
            sky="indoor", floor="carpet", floor_colour=(230, 220, 200),
            far=room((250, 220, 230), "stripes", windows=Windows((0.34,), 0.14, 0.18),
                     ceiling=PENDANTS, extra=(Item("kite", -0.32, 0.08, y=0.36),
                                              Item("bunting", 0.0, 0.06, y=0.58, wide=1.6))),
            mid=(Item("crib", -0.1, 0.2, y=ON_WALL), Item("teddy-bear", -0.1, 0.07,
                                                          y=0.15),
                 Item("mobile", -0.1, 0.14, y=0.34),
                 Item("toy_box", 0.3, 0.1, y=ON_WALL), Item("nesting-dolls", 0.25, 0.06,
                                                              y=0.15),
                 Item("baby-bottle", 0.36, 0.05, y=0.15)),
            near=(Item("rug", 0.0, 0.07, y=-0.15, wide=0.7, colour=(140, 200, 220)),)),
        "basement": PlaceSet(
            sky="indoor", floor="concrete", floor_colour=(120, 118, 115),
            far=room((130, 125, 118), "concrete", windows=Windows((0.25,), 0.14, 0.05, 0.52,
                                                                    "barred"),
                     ceiling=Ceiling((90, 86, 80), lights="bulb", at=(0.0,), drop=0.1),
                     extra=(Item("pipes", 0.0, 0.03, y=0.5, wide=6.0),)),
            mid=(Item("boiler", 0.3, 0.38, y=ON_WALL),
                 Item("kind:box", -0.28, 0.1, y=ON_WALL), Item("kind:box", -0.17, 0.08,
                                                                 y=ON_WALL),
                 Item("kind:box", -0.25, 0.08, y=0.15), Item("kind:bucket", 0.1, 0.06,
                                                              y=ON_WALL),
                 Item("shelf", -0.55, 0.015, y=0.3, wide=0.4),
                 Item("kind:box", -0.6, 0.07, y=0.315), Item("kind:box", -0.48, 0.06,
                                                              y=0.315))),
    }


def _shops() -> dict[str, PlaceSet]:
    return {
        "cafe": PlaceSet(
            sky="indoor", floor="checker", floor_colour=(200, 170, 140),
            far=room((170, 120, 90), "bricks", windows=Windows((0.45,), 0.2, 0.26, 0.2,
                                                                 "shop"),
                     ceiling=PENDANTS, tile=0.06,
                     extra=(Item("menu_board", -0.2, 0.13, y=0.36),)),
            mid=(Item("counter", -0.42, 0.2, y=ON_WALL, wide=0.7, colour=(120, 80, 55)),
                 Item("espresso_machine", -0.5, 0.1, y=0.25),
                 Item("cupcake", -0.34, 0.05, y=0.25), Item("croissant", -0.25, 0.045,
                                                              y=0.25),
                 Item("cafe_table", 0.2, 0.15, every=0.75),
                 Item("kind:chair", 0.04, 0.19, every=0.75, flip=True),
                 Item("kind:chair", 0.36, 0.19, every=0.75),
                 Item("hot-beverage", 0.2, 0.05, y=0.15, every=0.75))),
        "restaurant": PlaceSet(
            sky="indoor", floor="planks", floor_colour=(130, 85, 60),
            far=room((140, 40, 45), "plain", dado=0.16, dado_colour=(110, 70, 45),
                     windows=Windows((-0.4, 0.4), 0.12, 0.22, 0.24, "arched"),
                     ceiling=Ceiling((60, 40, 35), lights="chandelier", at=(0.0,), drop=0.1),
                     extra=(Item("painting", 0.0, 0.12, y=0.32),)),
            mid=(Item("dining_table", -0.2, 0.14, every=0.85, wide=0.28),
                 Item("kind:chair", -0.4, 0.19, every=0.85, flip=True),
                 Item("kind:chair", 0.0, 0.19, every=0.85),
                 Item("wine-glass", -0.25, 0.05, y=0.14, every=0.85),
                 Item("candle", -0.15, 0.045, y=0.14, every=0.85))),
        "bakery": PlaceSet(
            sky="indoor", floor="checker", floor_colour=(235, 225, 205),
            far=room((250, 225, 190), "stripes",
                     ceiling=PENDANTS,
                     extra=(Item("awning", 0.0, 0.08, y=0.5, wide=1.4),
                            Item("bread_shelf", 0.0, 0.24, y=0.24, wide=1.0))),
            mid=(Item("display_case", 0.0, 0.22, y=ON_WALL, wide=1.4),
                 Item("cupcake", -0.36, 0.06, y=0.17), Item("birthday-cake", -0.14, 0.07,
                                                           y=0.17),
                 Item("croissant", 0.08, 0.05, y=0.17), Item("doughnut", 0.28, 0.05, y=0.17),
                 Item("pie", 0.5, 0.045, y=0.17))),
        "bar": PlaceSet(
            sky="indoor", floor="planks", floor_colour=(90, 60, 45),
            far=room((70, 45, 40), "bricks", ceiling=Ceiling((40, 30, 28), lights="pendant",
                                                            at=(-0.3, 0.0, 0.3)), tile=0.06,
                     extra=(Item("bottle_shelf", 0.0, 0.26, y=0.24, wide=1.1),
                            Item("neon_sign", 0.0, 0.06, y=0.56))),
            mid=(Item("counter", 0.0, 0.2, y=0.0, wide=6.0, colour=(110, 65, 40)),
                 Item("beer_taps", -0.12, 0.08, y=0.2),
                 Item("beer-mug", 0.12, 0.06, y=0.2), Item("cocktail-glass", 0.26, 0.06,
                                                            y=0.2),
                 Item("bar_stool", -0.32, 0.16, y=-0.04, every=0.36))),
        "supermarket": PlaceSet(
            sky="indoor", floor="tiles", floor_colour=(225, 225, 220),
            far=(Vista((240, 240, 238), (215, 215, 210), "goods", (235, 236, 238),
                       (255, 255, 250), 0.55, 0.8, 0.22),),
            mid=(Item("aisle_sign", 0.0, 0.06, y=0.5), Item("kind:shopping_cart", 0.3, 0.1),
                 Item("goods_shelf", -0.7, 0.26, wide=0.5), Item("goods_shelf", 0.75, 0.26,
                                                                    wide=0.5))),
        "pharmacy": PlaceSet(
            sky="indoor", floor="tiles", floor_colour=(235, 238, 236),
            far=room((235, 245, 240), "plain",
                     ceiling=TUBES,
                     extra=(Item("goods_shelf", -0.45, 0.42, y=ON_WALL, wide=0.6,
                                 colour=(235, 240, 240)),
                            Item("goods_shelf", 0.45, 0.42, y=ON_WALL, wide=0.6,
                                 colour=(235, 240, 240)),
                            Item("green_cross", 0.0, 0.12, y=0.38))),
            mid=(Item("counter", 0.0, 0.2, y=0.0, wide=0.55, colour=(240, 240, 240)),
                 Item("pill", -0.12, 0.05, y=0.2, turn=30),
                 Item("medicine_box", 0.1, 0.06, y=0.2))),
        "food_court": PlaceSet(
            sky="indoor", floor="tiles", floor_colour=(215, 205, 190),
            far=room((225, 215, 200), "plain", ceiling=TUBES,
                     extra=(Item("food_stall", -0.6, 0.34, y=ON_WALL, wide=0.55,
                                 colour=(220, 60, 60)),
                            Item("food_stall", 0.0, 0.34, y=ON_WALL, wide=0.55,
                                 colour=(250, 180, 40)),
                            Item("food_stall", 0.6, 0.34, y=ON_WALL, wide=0.55,
                                 colour=(60, 150, 90)),
                            Item("pizza", -0.6, 0.06, y=0.48), Item("hamburger", 0.0, 0.06,
                                                                     y=0.48),
                            Item("sushi", 0.6, 0.06, y=0.48))),
            mid=(Item("cafe_table", -0.32, 0.14, every=0.75, colour=(240, 240, 240)),
                 Item("kind:chair", -0.48, 0.18, every=0.75, flip=True,
                      colour=(240, 130, 40)),
                 Item("kind:chair", -0.16, 0.18, every=0.75, colour=(240, 130, 40)),
                 Item("cup-with-straw", -0.32, 0.05, y=0.14, every=0.75))),
        "cafeteria": PlaceSet(
            sky="indoor", floor="tiles", floor_colour=(205, 200, 185),
            far=room((245, 225, 170), "plain", dado=0.14, dado_colour=(90, 150, 130),
                     windows=Windows((-0.62, 0.62), 0.2, 0.22, 0.24), ceiling=TUBES,
                     extra=(Item("menu_board", 0.0, 0.12, y=0.42, wide=0.56,
                                 colour=(30, 60, 50)),)),
            mid=(Item("serving_counter", 0.0, 0.22, y=ON_WALL, wide=1.1),
                 Item("tray", -0.45, 0.05, y=0.22), Item("cup-with-straw", 0.46, 0.06,
                                                         y=0.22)),
            near=(Item("long_table", 0.0, 0.12, wide=6.0, y=-0.14),
                  Item("tray", -0.2, 0.05, y=-0.02, every=0.55),
                  Item("hamburger", 0.1, 0.045, y=-0.02, every=0.55))),
    }


def _learning() -> dict[str, PlaceSet]:
    return {
        "classroom": PlaceSet(
            sky="indoor", floor="planks", floor_colour=(180, 140, 100),
            far=room((235, 225, 195), "plain", dado=0.12, dado_colour=(150, 170, 150),
                     windows=Windows((0.55,), 0.16, 0.24, 0.2), ceiling=TUBES,
                     extra=(Item("board", -0.05, 0.22, y=0.24, wide=0.6),
                            Item("wall_clock", 0.34, 0.07, y=0.45),
                            Item("world-map", 0.38, 0.11, y=0.26))),
            mid=(Item("desk", -0.3, 0.13, every=0.62, colour=(190, 150, 100)),
                 Item("kind:chair", -0.13, 0.17, every=0.62, flip=True),
                 Item("globe-showing-americas", -0.3, 0.07, y=0.13),
                 Item("books", 0.32, 0.055, y=0.13))),
        "library": PlaceSet(
            sky="indoor", floor="carpet", floor_colour=(130, 60, 55),
            far=(Vista((120, 80, 55), (140, 70, 60), "books", (150, 120, 90), (255, 236, 200),
                       0.5, 0.9, 0.22),),
            mid=(Item("bookcase", -0.6, 0.4, wide=0.35), Item("bookcase", 0.62, 0.4,
                                                              wide=0.35),
                 Item("reading_lamp", 0.25, 0.1, y=0.09), Item("desk", 0.25, 0.09,
                                                               colour=(120, 78, 48)),
                 Item("books", 0.15, 0.035, y=0.09))),
        "laboratory": PlaceSet(
            sky="indoor", floor="tiles", floor_colour=(220, 225, 228),
            far=room((225, 235, 240), "tiles", ceiling=TUBES, tile=0.06,
                     windows=Windows((0.5,), 0.18, 0.16, 0.34),
                     extra=(Item("cabinets", -0.25, 0.12, y=0.4, wide=0.55,
                                 colour=(230, 235, 238)),
                            Item("fume_hood", 0.5, 0.46, y=ON_WALL, wide=0.34))),
            mid=(Item("lab_bench", -0.1, 0.21, y=ON_WALL, wide=0.9),
                 Item("microscope", -0.42, 0.1, y=0.26), Item("test_tubes", -0.22, 0.07,
                                                              y=0.26),
                 Item("alembic", -0.02, 0.1, y=0.26), Item("test-tube", 0.16, 0.08, y=0.26,
                                                           turn=20))),
        "museum": PlaceSet(
            sky="indoor", floor="marble", floor_colour=(225, 218, 205),
            far=room((220, 210, 190), "plain", ceiling=Ceiling((240, 235, 225), 0.08,
                                                               lights="spots", every=0.55),
                     depth=0.06,
                     extra=(Item("column", -0.62, 0.62, y=0.06, every=1.24),
                            Item("painting", 0.3, 0.12, y=0.3))),
            mid=(Item("plinth", -0.25, 0.1, y=0.06), Item("amphora", -0.25, 0.1, y=0.16),
                 Item("plinth", 0.05, 0.12, y=0.06), Item("moai", 0.05, 0.14, y=0.18),
                 Item("glass_case", 0.4, 0.16, y=0.06), Item("crown", 0.4, 0.04, y=0.16)),
            near=(Item("stanchions", 0.0, 0.06, y=-0.08, wide=0.6),)),
        "science_museum": PlaceSet(
            sky="indoor", floor="marble", floor_colour=(60, 64, 80),
            far=room((40, 50, 80), "plain", ceiling=Ceiling((30, 36, 60), 0.07, lights="spots",
                                                           every=0.55), depth=0.06,
                     extra=(Item("ringed-planet", -0.25, 0.1, y=0.5),
                            Item("globe-showing-americas", 0.1, 0.06, y=0.56),
                            Item("satellite", 0.35, 0.08, y=0.48),
                            Item("dna", -0.45, 0.2, y=0.2))),
            mid=(Item("kind:rocket", 0.45, 0.42, y=0.06), Item("plinth", -0.1, 0.08, y=0.06),
                 Item("telescope", -0.1, 0.1, y=0.14), Item("dinosaur_skeleton", -0.5, 0.28,
                                                           y=0.06, wide=0.4),
                 Item("magnet", 0.18, 0.06, y=0.14), Item("plinth", 0.18, 0.08, y=0.06))),
        "art_gallery": PlaceSet(
            sky="indoor", floor="boards", floor_colour=(200, 170, 130),
            far=room((246, 244, 240), "plain",
                     ceiling=Ceiling((250, 250, 250), 0.08, lights="spots", at=(-0.3, 0.0, 0.3),
                                     every=0.9),
                     extra=(Item("painting", -0.3, 0.15, y=0.26, every=0.9),
                            Item("painting", 0.0, 0.2, y=0.22, every=0.9, wide=0.16),
                            Item("painting", 0.3, 0.13, y=0.28, every=0.9, wide=0.2))),
            mid=(Item("gallery_bench", 0.0, 0.05, y=-0.02, wide=0.35),)),
        "aquarium": PlaceSet(
            sky="indoor", floor="planks", floor_colour=(40, 50, 70),
            far=room((25, 35, 60), "plain", ceiling=None,
                     extra=(Item("tank", 0.0, 0.62, y=0.05, wide=6.0),
                            Item("tropical-fish", -0.2, 0.06, y=0.4, every=0.6),
                            Item("tropical-fish", 0.15, 0.05, y=0.25, every=0.8, flip=True),
                            Item("kind:shark", 0.5, 0.1, y=0.5, every=1.7),
                            Item("jellyfish", -0.45, 0.07, y=0.52, every=1.1),
                            Item("coral", 0.0, 0.1, y=0.06, every=0.55)))),
    }


def _halls() -> dict[str, PlaceSet]:
    return {
        "office": PlaceSet(
            sky="indoor", floor="carpet", floor_colour=(110, 120, 135),
            far=room((225, 228, 232), "glass", ceiling=TUBES, dado=0.1,
                     dado_colour=(200, 204, 210), tile=0.05,
                     extra=(Item("board", 0.48, 0.16, y=0.26, colour=(250, 250, 250),
                                 wide=0.3),)),
            mid=(Item("desk", -0.25, 0.14, every=0.8, colour=(220, 220, 222)),
                 Item("desktop-computer", -0.25, 0.1, y=0.14, every=0.8),
                 Item("office_chair", -0.07, 0.18, every=0.8),
                 Item("file-cabinet", 0.3, 0.17, y=ON_WALL),
                 Item("kind:potted_plant", 0.45, 0.2, y=ON_WALL))),
        "hospital": PlaceSet(
            sky="indoor", floor="tiles", floor_colour=(215, 228, 228),
            far=room((215, 235, 235), "plain", dado=0.1, dado_colour=(150, 200, 200),
                     windows=Windows((-0.4,), 0.16, 0.2), ceiling=TUBES,
                     extra=(Item("red_cross", 0.42, 0.07, y=0.44),)),
            mid=(Item("hospital_bed", -0.05, 0.22, y=ON_WALL), Item("iv_stand", -0.34, 0.4,
                                                                    y=ON_WALL),
                 Item("monitor", 0.24, 0.32, y=ON_WALL), Item("privacy_curtain", 0.55, 0.52,
                                                               y=ON_WALL, wide=0.3))),
        "jail_cell": PlaceSet(
            sky="indoor", floor="concrete", floor_colour=(110, 110, 112),
            far=room((150, 148, 140), "bricks", windows=Windows((0.0,), 0.12, 0.1, 0.46,
                                                                  "barred"),
                     ceiling=Ceiling((100, 98, 94), lights="bulb", at=(0.3,)), tile=0.07),
            mid=(Item("bunk", -0.22, 0.22, y=ON_WALL, wide=0.42),
                 Item("toilet", 0.22, 0.14, y=ON_WALL, colour=(200, 204, 210))),
            near=(Item("cell_bars", 0.02, 0.95, y=-0.26, side=-1, wide=0.12),
                  Item("cell_bars", 0.02, 0.95, y=-0.26, side=1, wide=0.12))),
        "corridor": PlaceSet(
            sky="indoor", floor="tiles", floor_colour=(200, 196, 188),
            far=(Vista((225, 222, 210), (195, 190, 180), "doors"),)),
        "staircase": PlaceSet(
            sky="indoor", floor="marble", floor_colour=(230, 225, 215),
            far=room((225, 215, 200), "plain", windows=Windows((0.42,), 0.14, 0.34, 0.2,
                                                                "arched"),
                     ceiling=Ceiling((240, 235, 225), 0.08, lights="chandelier", at=(0.0,),
                                     drop=0.08)),
            mid=(Item("staircase", -0.05, 0.5, y=ON_WALL, wide=0.62),
                 Item("kind:potted_plant", 0.35, 0.12, y=ON_WALL))),
        "ballroom": PlaceSet(
            sky="indoor", floor="marble", floor_colour=(200, 170, 120),
            far=room((235, 220, 190), "plain", dado=0.1, dado_colour=(220, 200, 160),
                     windows=Windows((-0.36, 0.0, 0.36), 0.13, 0.4, 0.12, "arched",
                                     every=0.72),
                     ceiling=Ceiling((245, 235, 210), 0.07, lights="chandelier",
                                     at=(-0.18, 0.18),
                                     every=0.72, drop=0.1),
                     extra=(Item("drapes", -0.18, 0.52, y=0.06, every=0.36),)),
            mid=()),
        "gymnasium": PlaceSet(
            sky="indoor", floor="boards", floor_colour=(215, 170, 110),
            far=room((200, 205, 215), "bricks", windows=Windows((0.0,), 0.8, 0.08, 0.52, "band",
                                                                  every=1.0),
                     ceiling=Ceiling((210, 212, 218), 0.07, lights="tubes", every=0.6), tile=0.07,
                     extra=(Item("bleachers", 0.0, 0.16, y=0.05, wide=6.0),
                            Item("banner", -0.3, 0.08, y=0.38, every=0.6))),
            mid=(Item("hoop", 0.04, 0.38, side=-1), Item("hoop", 0.04, 0.38, side=1,
                                                         flip=True)),
            near=(Court(paint_key=(200, 80, 60), colour=(250, 250, 250)),)),
        "indoor_swimming_pool": PlaceSet(
            sky="indoor", floor="small_tiles", floor_colour=(225, 232, 235),
            far=room((205, 225, 235), "glass", depth=0.1, tile=0.07,
                     ceiling=Ceiling((225, 230, 235), 0.07, lights="tubes", every=0.6),
                     extra=(Item("lane_flags", 0.0, 0.04, y=0.36, wide=6.0),
                            Item("pool_water", 0.0, 0.1, y=0.0, wide=6.0))),
            mid=(Item("lifeguard_chair", 0.45, 0.22, y=0.1),
                 Item("pool_ladder", -0.2, 0.06, y=0.0), Item("diving_board", -0.5, 0.08,
                                                              y=0.0, wide=0.3))),
        "movie_theater": PlaceSet(
            sky="indoor", floor="carpet", floor_colour=(90, 25, 35),
            far=room((60, 20, 30), "curtain", ceiling=None,
                     extra=(Item("screen", 0.0, 0.34, y=0.2, wide=0.85),)),
            mid=(Item("seat_row", 0.0, 0.06, y=0.02, wide=6.0),),
            near=(Item("seat_row", 0.0, 0.09, y=-0.14, wide=6.0, colour=(150, 30, 42)),
                  Item("popcorn", 0.3, 0.06, y=-0.1))),
        "music_studio": PlaceSet(
            sky="indoor", floor="planks", floor_colour=(120, 90, 70),
            far=room((70, 75, 90), "foam", ceiling=Ceiling((50, 52, 60), lights="spots",
                                                           every=0.5), tile=0.05,
                     extra=(Item("studio_window", 0.38, 0.2, y=0.22, wide=0.3),)),
            mid=(Item("mixing_desk", -0.12, 0.22, y=ON_WALL, wide=0.6),
                 Item("speaker", -0.5, 0.16, y=0.26), Item("speaker", 0.26, 0.16, y=0.26),
                 Item("mic_stand", 0.45, 0.34), Item("guitar_stand", 0.66, 0.26))),
        "stage": PlaceSet(
            sky="indoor", floor="planks", floor_colour=(120, 80, 55),
            far=room((110, 30, 50), "curtain", ceiling=None, depth=0.0),
            mid=(Item("spot_beams", 0.0, 0.74, wide=1.2),),
            near=(Lines((0.0,), (70, 50, 40), 0.01),)),
        "studio": PlaceSet(
            sky="indoor", floor="plain", floor_colour=(232, 232, 236),
            far=(Item("sweep", 0.0, 0.8, y=-0.06, wide=6.0),
                 Item("softbox", 0.5, 0.45, side=-1), Item("softbox", 0.5, 0.45, side=1,
                                                           flip=True))),
    }


def indoor_sets() -> dict[str, PlaceSet]:
    """Every indoor place's set."""
    return {**_home(), **_shops(), **_learning(), **_halls()}
