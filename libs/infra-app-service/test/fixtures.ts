import type { AppServiceNetwork, AppServiceProps } from '../src';

/** An existing network given as plain IDs, as a caller without `VpcNetwork` would pass it. */
export const PLAIN_NETWORK: AppServiceNetwork = {
  vpcId: 'vpc-0123456789abcdef0',
  publicSubnetIds: ['subnet-public-a', 'subnet-public-b'],
  privateSubnetIds: ['subnet-private-a', 'subnet-private-b'],
  publicSubnetCidrBlocks: ['10.1.0.0/24', '10.1.1.0/24'],
};

/** The fewest props `AppService` takes. */
export const MINIMAL_PROPS: AppServiceProps = {
  name: 'time',
  network: PLAIN_NETWORK,
  image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/time:0123456789ab',
};

/** A certificate ARN in the shape ACM issues. */
export const CERTIFICATE_ARN =
  'arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
