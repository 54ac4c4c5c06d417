from generator.textnorm import fold, slugify, vi_sort_key


def test_fold_accents_tone_placement_and_d():
    assert fold("Thanh Hóa") == fold("Thanh Hoá") == fold("THANH HOA") == "thanh hoa"
    assert fold("Điện Biên") == "dien bien"
    assert fold("Vu\u0300ng lo\u0300ng hồ") == fold("Vùng lòng hồ") == "vung long ho"
    assert fold("Công  thương") == fold("Công Thương")


def test_vietnamese_alphabetical_order():
    names = ["Yên Bái", "Điện Biên", "Đà Nẵng", "Đắk Lắk", "Cà Mau", "Dak", "An Giang", "Ăn Khê"]
    assert sorted(names, key=vi_sort_key) == [
        "An Giang",
        "Ăn Khê",
        "Cà Mau",
        "Dak",
        "Đà Nẵng",
        "Đắk Lắk",
        "Điện Biên",
        "Yên Bái",
    ]


def test_tones_after_base_letters():
    assert sorted(["Hà Tĩnh", "Hải Phòng", "Hà Nội", "Hạ Long"], key=vi_sort_key) == [
        "Hạ Long",
        "Hà Nội",
        "Hà Tĩnh",
        "Hải Phòng",
    ]  # base letters decide first
    assert vi_sort_key("Hà Nội") < vi_sort_key("Hà Tĩnh") < vi_sort_key("Hải Phòng")
    assert (
        vi_sort_key("ma")
        < vi_sort_key("mà")
        < vi_sort_key("mả")
        < vi_sort_key("mã")
        < vi_sort_key("má")
        < vi_sort_key("mạ")
    )


def test_slugify():
    assert slugify("Sở Công Thương tỉnh Sơn La") == "so-cong-thuong-tinh-son-la"
    assert slugify("1.1 – ý 2") == "1-1-y-2"
