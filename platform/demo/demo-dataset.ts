import { VehicleCategory } from '../codes/vehicle-category';
// The demo single window: enterprises in Jiangsu (32) and Zhejiang (33). Every subgraph seeds its own
// part of this story through its own services, so events flow between them as in real use.

export interface DemoEnterprise {
  creditCode: string;
  name: string;
  legalRepresentative: string;
  regionCode: string;
  address: string;
  /** Made-up numbers, for the demo only. */
  contactPhone: string;
}

export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  {
    creditCode: '91320102MA1MY0R10Q',
    name: '南京玄武危险品运输有限公司',
    legalRepresentative: '王建国',
    regionCode: '320102',
    address: '南京市玄武区中山路18号',
    contactPhone: '13900000001',
  },
  {
    creditCode: '91320106MA1P3T8K0L',
    name: '南京鼓楼客运集团有限公司',
    legalRepresentative: '李文华',
    regionCode: '320106',
    address: '南京市鼓楼区湖南路66号',
    contactPhone: '13900000002',
  },
  {
    creditCode: '91320583MA1NQ2W40E',
    name: '昆山通达货运有限公司',
    legalRepresentative: '张志强',
    regionCode: '320583',
    address: '昆山市玉山镇前进西路120号',
    contactPhone: '13900000003',
  },
  {
    creditCode: '91320500MA1WJ7X907',
    name: '苏州交通建设工程有限公司',
    legalRepresentative: '陈立新',
    regionCode: '320500',
    address: '苏州市姑苏区人民路900号',
    contactPhone: '13900000004',
  },
  {
    creditCode: '91320100MA1R5D2U0T',
    name: '南京大件运输有限公司',
    legalRepresentative: '赵海',
    regionCode: '320100',
    address: '南京市江宁区胜太路77号',
    contactPhone: '13900000005',
  },
  {
    creditCode: '91330106MA2H4K1L0X',
    name: '杭州西湖物流有限公司',
    legalRepresentative: '周敏',
    regionCode: '330106',
    address: '杭州市西湖区文三路200号',
    contactPhone: '13900000006',
  },
  {
    creditCode: '91330100MA27Y8P30J',
    name: '浙江之江危货运输有限公司',
    legalRepresentative: '吴刚',
    regionCode: '330100',
    address: '杭州市滨江区江南大道3888号',
    contactPhone: '13900000007',
  },
  {
    creditCode: '91330102MA2CE6F00H',
    name: '杭州上城客运有限公司',
    legalRepresentative: '郑丽',
    regionCode: '330102',
    address: '杭州市上城区解放路55号',
    contactPhone: '13900000008',
  },
];

export interface DemoVehicle {
  plateNumber: string;
  ownerCreditCode: string;
  vehicleType: string;
  transportCertificateNumber: string;
  regionCode: string;
  category: VehicleCategory;
  approvedLoadKg: number | null;
  hazardClasses: string[];
}

export const DEMO_VEHICLES: readonly DemoVehicle[] = [
  {
    plateNumber: '苏A12345',
    ownerCreditCode: '91320102MA1MY0R10Q',
    vehicleType: '危险货物运输车',
    transportCertificateNumber: '苏交运管宁字320102000101号',
    regionCode: '320102',
    category: VehicleCategory.HAZARDOUS_GOODS,
    approvedLoadKg: 30_000,
    hazardClasses: ['2.1', '3', '8'],
  },
  {
    plateNumber: '苏A12345D',
    ownerCreditCode: '91320102MA1MY0R10Q',
    vehicleType: '危险货物运输车',
    transportCertificateNumber: '苏交运管宁字320102000102号',
    regionCode: '320102',
    category: VehicleCategory.HAZARDOUS_GOODS,
    approvedLoadKg: 15_000,
    hazardClasses: ['2', '3'],
  },
  {
    plateNumber: '苏AD12345',
    ownerCreditCode: '91320106MA1P3T8K0L',
    vehicleType: '大型客车',
    transportCertificateNumber: '苏交运管宁字320106000201号',
    regionCode: '320106',
    category: VehicleCategory.SCHEDULED_COACH,
    approvedLoadKg: null,
    hazardClasses: [],
  },
  {
    plateNumber: '苏E88888',
    ownerCreditCode: '91320583MA1NQ2W40E',
    vehicleType: '重型半挂牵引车',
    transportCertificateNumber: '苏交运管苏字320583000301号',
    regionCode: '320583',
    category: VehicleCategory.FREIGHT,
    approvedLoadKg: 40_000,
    hazardClasses: [],
  },
  {
    plateNumber: '苏A9L628',
    ownerCreditCode: '91320100MA1R5D2U0T',
    vehicleType: '重型半挂牵引车',
    transportCertificateNumber: '苏交运管宁字320100000401号',
    regionCode: '320100',
    category: VehicleCategory.FREIGHT,
    approvedLoadKg: 49_000,
    hazardClasses: [],
  },
  {
    plateNumber: '浙A23456',
    ownerCreditCode: '91330106MA2H4K1L0X',
    vehicleType: '重型厢式货车',
    transportCertificateNumber: '浙交运管杭字330106000501号',
    regionCode: '330106',
    category: VehicleCategory.FREIGHT,
    approvedLoadKg: 18_000,
    hazardClasses: [],
  },
  {
    plateNumber: '浙AD12345',
    ownerCreditCode: '91330100MA27Y8P30J',
    vehicleType: '危险货物运输车',
    transportCertificateNumber: '浙交运管杭字330100000601号',
    regionCode: '330100',
    category: VehicleCategory.HAZARDOUS_GOODS,
    approvedLoadKg: 32_000,
    hazardClasses: ['3'],
  },
  {
    plateNumber: '浙A5F678',
    ownerCreditCode: '91330100MA27Y8P30J',
    vehicleType: '危险货物运输车',
    transportCertificateNumber: '浙交运管杭字330100000602号',
    regionCode: '330100',
    category: VehicleCategory.HAZARDOUS_GOODS,
    approvedLoadKg: 25_000,
    hazardClasses: ['3', '8'],
  },
];
